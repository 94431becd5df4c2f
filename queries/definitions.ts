// The written definition of every figure the product shows (Vietnamese and English), shown beside it in the UI, the exports and the figures command.

export interface Definition {
	vi: string;
	en: string;
	/** Short label. */
	labelVi: string;
	labelEn: string;
}

/** Where every figure comes from, as it reads after a "Nguồn" / "Source" label. */
export const SOURCE_TEXT = {
	vi: 'dữ liệu xuất từ Cổng "1 triệu sáng kiến" của Tổng Liên đoàn Lao động Việt Nam',
	en: 'exports of the VGCL "One million initiatives" portal'
};

/** The source line on its own ("Nguồn: …"). */
export const SOURCE = { vi: `Nguồn: ${SOURCE_TEXT.vi}`, en: `Source: ${SOURCE_TEXT.en}` };

export const DEFINITIONS = {
	onPortal: {
		labelVi: 'Sáng kiến đã cập nhật trên hệ thống',
		labelEn: 'Initiatives on the portal',
		vi: 'Số sáng kiến có ngày cập nhật trước hoặc đúng thời điểm T và chưa bị rút khỏi hệ thống tại T (rút = lần xuất dữ liệu đầu tiên của phạm vi đó không còn sáng kiến).',
		en: 'Initiatives whose update time is at or before T and that were not withdrawn by T (withdrawn = absent from the first later export of their scope).'
	},
	valid: {
		labelVi: 'Sáng kiến hợp lệ',
		labelEn: 'Valid initiatives',
		vi: 'Sáng kiến trên hệ thống tại T có trạng thái "Hợp lệ" theo lần duyệt gần nhất trước hoặc đúng T.',
		en: 'Initiatives on the portal at T whose latest status set at or before T is "valid".'
	},
	underReview: {
		labelVi: 'Đang xem xét',
		labelEn: 'Under review',
		vi: 'Sáng kiến trên hệ thống tại T chưa có kết quả duyệt trước hoặc đúng T.',
		en: 'Initiatives on the portal at T with no review decision at or before T.'
	},
	invalid: {
		labelVi: 'Không hợp lệ',
		labelEn: 'Invalid',
		vi: 'Sáng kiến trên hệ thống tại T có trạng thái "Không hợp lệ" theo lần duyệt gần nhất trước hoặc đúng T.',
		en: 'Initiatives on the portal at T whose latest status set at or before T is "invalid".'
	},
	withdrawn: {
		labelVi: 'Đã rút',
		labelEn: 'Withdrawn',
		vi: 'Sáng kiến đã từng có trên hệ thống nhưng bị rút trước hoặc đúng T.',
		en: 'Initiatives that had been on the portal and were withdrawn at or before T.'
	},
	benefit: {
		labelVi: 'Giá trị làm lợi',
		labelEn: 'Economic benefit',
		vi: 'Tổng giá trị làm lợi (đồng/năm) do đơn vị ước tính của các sáng kiến hợp lệ tại T; sáng kiến không ghi giá trị không được tính.',
		en: 'Sum of the unit-estimated benefit (VND per year) of the initiatives valid at T; initiatives without a value count as none.'
	},
	medianBenefit: {
		labelVi: 'Giá trị làm lợi trung vị',
		labelEn: 'Median benefit',
		vi: 'Trung vị giá trị làm lợi của các sáng kiến hợp lệ tại T có ghi giá trị.',
		en: 'Median benefit of the initiatives valid at T that state a value.'
	},
	authors: {
		labelVi: 'Tác giả',
		labelEn: 'Authors',
		vi: 'Số tác giả chính có ít nhất một sáng kiến trên hệ thống tại T (nhận diện theo số điện thoại, hoặc tên trong công đoàn cơ sở).',
		en: 'Main authors with at least one initiative on the portal at T (identified by phone, else by name within the grassroots union).'
	},
	participating: {
		labelVi: 'Công đoàn cơ sở tham gia',
		labelEn: 'Participating grassroots unions',
		vi: 'Số công đoàn cơ sở có ít nhất một sáng kiến trên hệ thống tại T, trên tổng số công đoàn cơ sở.',
		en: 'Grassroots unions with at least one initiative on the portal at T, out of all grassroots unions.'
	},
	goalShare: {
		labelVi: 'Tỷ lệ so với mục tiêu 1 triệu',
		labelEn: 'Share of the 1,000,000 goal',
		vi: 'Số sáng kiến trên hệ thống tại T chia cho 1.000.000.',
		en: 'Initiatives on the portal at T divided by 1,000,000.'
	},
	attainment: {
		labelVi: 'Tỷ lệ hoàn thành chỉ tiêu',
		labelEn: 'Target attainment',
		vi: 'Số sáng kiến hợp lệ tại T chia cho chỉ tiêu được giao (10% số đoàn viên); cũng so với chỉ tiêu đăng ký và chỉ tiêu giai đoạn 1. Đạt chỉ tiêu khi ≥ 100%.',
		en: 'Valid initiatives at T divided by the assigned target (10% of members); also against the registered and phase-1 targets. A unit meets its target at ≥ 100%.'
	},
	perThousandMembers: {
		labelVi: 'Sáng kiến trên 1.000 đoàn viên',
		labelEn: 'Initiatives per 1,000 members',
		vi: 'Số sáng kiến trên hệ thống tại T trên 1.000 đoàn viên của đơn vị.',
		en: 'Initiatives on the portal at T per 1,000 union members of the unit.'
	},
	totals: {
		labelVi: 'Tổng hợp',
		labelEn: 'Totals',
		vi: 'Các số liệu tổng hợp của đơn vị (gồm mọi đơn vị trực thuộc) tại thời điểm T: trên hệ thống, theo trạng thái, đã rút, giá trị làm lợi, tác giả, công đoàn cơ sở tham gia, theo giai đoạn (giai đoạn 1: cập nhật trước 01/6/2022).',
		en: 'The unit\'s figures (including every unit below) at T: on the portal, by status, withdrawn, benefit, authors, participating grassroots unions, by phase (phase 1: updated before 01/06/2022).'
	},
	ranking: {
		labelVi: 'Xếp hạng',
		labelEn: 'Ranking',
		vi: 'Xếp hạng các đơn vị cùng cấp theo chỉ số tại T; bằng nhau thì theo số sáng kiến hợp lệ, rồi mã đơn vị; đồng hạng khi bằng nhau cả hai (1, 2, 2, 4).',
		en: 'Units of one level ranked by the metric at T; ties broken by valid initiatives, then unit code; equal on both share a rank (1, 2, 2, 4).'
	},
	peers: {
		labelVi: 'So sánh với nhóm',
		labelEn: 'Peer comparison',
		vi: 'Vị trí của đơn vị cấp trên trực tiếp Tổng Liên đoàn trong nhóm (loại đơn vị, vùng kinh tế - xã hội, cụm thi đua, tỉnh theo bản đồ 2025): trung vị, tứ phân vị, bách phân vị (số đơn vị thấp hơn + một nửa số bằng, chia tổng).',
		en: 'Where a level-1 unit stands in its peer group (kind, region, emulation cluster, 2025 province): median, quartiles (linear interpolation) and percentile rank (peers below plus half those equal, over all).'
	},
	shares: {
		labelVi: 'Tỷ trọng',
		labelEn: 'Shares',
		vi: 'Tỷ trọng của từng nhóm trong tổng số tại T; các công đoàn ngành Trung ương, Tập đoàn, Tổng công ty là một nhóm riêng để tổng bằng 100%.',
		en: 'Each group\'s share of the total at T; central sectoral and corporation unions form their own group so shares sum to 100%.'
	},
	map2025: {
		labelVi: 'Theo tỉnh, thành phố (bản đồ 2025)',
		labelEn: 'By 2025-map province',
		vi: 'Số liệu của 34 tỉnh, thành phố sau sắp xếp (từ 01/7/2025), bằng tổng số liệu của các LĐLĐ tỉnh cũ mà tỉnh mới bao gồm.',
		en: 'Figures of the 34 provinces of the 2025 map, each the sum of the old provincial federations it covers.'
	},
	series: {
		labelVi: 'Diễn biến theo ngày',
		labelEn: 'Daily series',
		vi: 'Số liệu lũy kế tại cuối mỗi ngày (23:59), kèm các giai đoạn và đợt thi đua cao điểm 40 ngày (22/4 – 31/5/2022).',
		en: 'Cumulative figures at the end of each day (23:59), with the phases and the 40-day campaign (22/04 – 31/05/2022).'
	},
	milestones: {
		labelVi: 'Các mốc',
		labelEn: 'Milestones',
		vi: 'Phút đầu tiên số sáng kiến trên hệ thống đạt mốc (300.000; 1.000.000).',
		en: 'The first minute the number of initiatives on the portal reached the threshold (300,000; 1,000,000).'
	},
	periodChange: {
		labelVi: 'Thay đổi so với kỳ trước',
		labelEn: 'Change over the previous period',
		vi: 'Số sáng kiến tăng thêm trong kỳ (tuần, tháng) so với kỳ trước; không so sánh kỳ chưa kết thúc với kỳ đã kết thúc.',
		en: 'Initiatives added in the period (week, month) against the previous one; an unfinished period is never compared with a finished one.'
	},
	breakdown: {
		labelVi: 'Cơ cấu',
		labelEn: 'Breakdown',
		vi: 'Sáng kiến trên hệ thống tại T chia theo lĩnh vực, khối, chức vụ lãnh đạo của tác giả hoặc khối doanh nghiệp / hành chính sự nghiệp; với báo chí, nhóm dưới 5 sáng kiến được ẩn.',
		en: 'Initiatives on the portal at T split by field, sector, the author\'s leadership post, or enterprise vs public sector; for the press, groups under 5 are suppressed.'
	},
	benefitDistribution: {
		labelVi: 'Phân bố giá trị làm lợi',
		labelEn: 'Benefit distribution',
		vi: 'Các phân vị (10%, 25%, 50%, 75%, 90%, 99%) của giá trị làm lợi của sáng kiến hợp lệ tại T có ghi giá trị.',
		en: 'Quantiles (10%, 25%, 50%, 75%, 90%, 99%) of the benefit of initiatives valid at T that state one.'
	},
	topInitiatives: {
		labelVi: 'Sáng kiến tiêu biểu',
		labelEn: 'Top initiatives',
		vi: 'Sáng kiến hợp lệ tại T có giá trị làm lợi lớn nhất (chỉ trong phạm vi đơn vị được xem chi tiết).',
		en: 'Initiatives valid at T with the largest benefit (only within the units the viewer may see in detail).'
	},
	topAuthors: {
		labelVi: 'Tác giả tiêu biểu',
		labelEn: 'Top authors',
		vi: 'Tác giả xếp theo số sáng kiến hợp lệ tại T (chỉ trong phạm vi đơn vị được xem chi tiết).',
		en: 'Authors ranked by valid initiatives at T (only within the units the viewer may see in detail).'
	},
	quarantine: {
		labelVi: 'Dòng dữ liệu bị cách ly',
		labelEn: 'Quarantined rows',
		vi: 'Số dòng dữ liệu xuất từ cổng không nạp được, theo lý do, đơn vị cần sửa hoặc tệp.',
		en: 'Rows of the portal exports that could not be loaded, by reason, unit that must fix them, or file.'
	},
	freshness: {
		labelVi: 'Độ mới của dữ liệu',
		labelEn: 'Freshness',
		vi: 'Thời điểm xuất dữ liệu mới nhất của từng nguồn và của phiên bản kho dữ liệu.',
		en: 'The newest export time of every source and of the warehouse version.'
	},
	pipelineRuns: {
		labelVi: 'Các lần cập nhật dữ liệu',
		labelEn: 'Pipeline runs',
		vi: 'Mỗi lần chạy cập nhật (thủ công, theo lịch hoặc khi khởi động): lúc bắt đầu, kết quả (đã công bố phiên bản mới, không có tệp mới, bị kiểm tra dữ liệu chặn, lỗi), số tệp mới, số dòng đã nạp và bị cách ly, thời gian chạy và phiên bản đã công bố.',
		en: 'Each update run (manual, scheduled or at start): when it started, its outcome (a new version published, nothing new, rejected by the data tests, failed), new files, rows loaded and quarantined, its duration and the version it published.'
	}
} as const satisfies Record<string, Definition>;

export type MetricKey = keyof typeof DEFINITIONS;
