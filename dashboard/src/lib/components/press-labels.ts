// Labels of the press room's figure choices (vi/en), shared by the form and the cards.
export const PRESS_FIGURE_LABELS = {
	onPortal: { vi: 'Sáng kiến trên hệ thống', en: 'Initiatives on the portal' },
	valid: { vi: 'Sáng kiến hợp lệ', en: 'Valid initiatives' },
	benefit: { vi: 'Giá trị làm lợi', en: 'Benefit' },
	attainment: { vi: 'Tỷ lệ hoàn thành chỉ tiêu', en: 'Target attainment' },
	metCount: { vi: 'Đơn vị đạt chỉ tiêu', en: 'Units that met target' },
	authors: { vi: 'Tác giả', en: 'Authors' },
	participating: { vi: 'CĐCS tham gia', en: 'Participating grassroots unions' },
	milestones: { vi: 'Mốc sáng kiến', en: 'Milestones' }
} as const;
