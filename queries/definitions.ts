// The written definition of every figure the product shows (Vietnamese and English), shown beside it in the UI, the exports and the figures command.

export interface Definition {
	vi: string;
	en: string;
	/** Short label. */
	labelVi: string;
	labelEn: string;
}

const SOURCE_VI = 'Nguồn: dữ liệu xuất từ Cổng "1 triệu sáng kiến" của Tổng Liên đoàn Lao động Việt Nam';
const SOURCE_EN = 'Source: exports of the VGCL "One million initiatives" portal';

export const SOURCE = { vi: SOURCE_VI, en: SOURCE_EN };

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
	}
} as const satisfies Record<string, Definition>;

export type MetricKey = keyof typeof DEFINITIONS;
