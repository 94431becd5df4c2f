// The dashboard's UI strings in Vietnamese (first) and English: navigation, page titles, exports, the as-of selector, errors; metric labels come from queries/definitions.ts.
import { DEFINITIONS, type MetricKey } from '../../../../queries/definitions.ts';

export interface Message {
	vi: string;
	en: string;
}

const UI_MESSAGES = {
	'app.name': { vi: '1 triệu sáng kiến', en: 'One million initiatives' },
	'app.owner': { vi: 'Tổng Liên đoàn Lao động Việt Nam', en: 'Viet Nam General Confederation of Labour' },
	'nav.overview': { vi: 'Tổng quan', en: 'Overview' },
	'nav.units': { vi: 'Đơn vị', en: 'Units' },
	'nav.rankings': { vi: 'Xếp hạng', en: 'Rankings' },
	'nav.regions': { vi: 'Vùng và cụm thi đua', en: 'Regions and clusters' },
	'nav.review': { vi: 'Báo cáo tổng kết', en: 'Closing review' },
	'nav.press': { vi: 'Phòng báo chí', en: 'Press room' },
	'nav.health': { vi: 'Tình trạng dữ liệu', en: 'Data health' },
	'nav.language': { vi: 'English', en: 'Tiếng Việt' },
	'nav.skip': { vi: 'Chuyển đến nội dung chính', en: 'Skip to main content' },
	'nav.breadcrumbs': { vi: 'Đường dẫn', en: 'Breadcrumbs' },
	'nav.nation': { vi: 'Toàn quốc', en: 'Nationwide' },
	'page.overview': { vi: 'Tổng quan chương trình "1 triệu sáng kiến"', en: 'The "One million initiatives" programme at a glance' },
	'page.unit': { vi: 'Kết quả của đơn vị', en: 'Unit results' },
	'page.rankings': { vi: 'Bảng xếp hạng', en: 'Rankings' },
	'page.regions': { vi: 'Vùng kinh tế – xã hội và cụm thi đua', en: 'Socio-economic regions and emulation clusters' },
	'page.review': { vi: 'Báo cáo tổng kết chương trình', en: 'Programme closing review' },
	'page.press': { vi: 'Số liệu cho báo chí', en: 'Figures for the press' },
	'page.health': { vi: 'Tình trạng dữ liệu và các lần cập nhật', en: 'Data health and pipeline runs' },
	'page.initiatives': { vi: 'Danh sách sáng kiến', en: 'Initiatives' },
	'export.csv': { vi: 'Tải CSV', en: 'Download CSV' },
	'export.xlsx': { vi: 'Tải Excel (XLSX)', en: 'Download Excel (XLSX)' },
	'export.png': { vi: 'Tải ảnh PNG', en: 'Download PNG image' },
	'export.svg': { vi: 'Tải ảnh SVG', en: 'Download SVG image' },
	'export.copyCitation': { vi: 'Sao chép trích dẫn', en: 'Copy citation' },
	'export.copied': { vi: 'Đã sao chép', en: 'Copied' },
	'export.print': { vi: 'In báo cáo', en: 'Print report' },
	'footer.definition': { vi: 'Định nghĩa', en: 'Definition' },
	'footer.asOf': { vi: 'Tính đến', en: 'As of' },
	'footer.filters': { vi: 'Bộ lọc', en: 'Filters' },
	'footer.version': { vi: 'Phiên bản kho dữ liệu', en: 'Warehouse version' },
	'footer.source': { vi: 'Nguồn', en: 'Source' },
	'footer.exportedAt': { vi: 'Thời điểm xuất', en: 'Exported at' },
	'footer.sheet': { vi: 'Thông tin', en: 'About' },
	'footer.noFilters': { vi: 'không có', en: 'none' },
	'asOf.label': { vi: 'Số liệu tính đến', en: 'Figures as of' },
	'asOf.latest': { vi: 'Mới nhất', en: 'Latest' },
	'asOf.apply': { vi: 'Xem', en: 'Show' },
	'asOf.hint': { vi: 'Ngày giờ theo giờ Việt Nam, ví dụ 20/04/2022 08:00', en: 'Viet Nam time, e.g. 20/04/2022 08:00' },
	'asOf.revised': {
		vi: 'Số liệu dùng mọi dữ liệu đã biết đến nay về thời điểm này, nên có thể khác số liệu đã công bố lúc đó.',
		en: 'Figures use everything known now about that time, so they may differ from what was published then.'
	},
	'chart.table': { vi: 'Bảng số liệu của biểu đồ', en: 'Chart data table' },
	'chart.showTable': { vi: 'Xem dạng bảng', en: 'Show as table' },
	'chart.phase1': { vi: 'Giai đoạn 1', en: 'Phase 1' },
	'chart.phase2': { vi: 'Giai đoạn 2', en: 'Phase 2' },
	'chart.campaign': { vi: 'Đợt cao điểm 40 ngày', en: '40-day campaign' },
	'chart.peerMedian': { vi: 'Trung vị nhóm so sánh', en: 'Peer median' },
	'chart.noData': { vi: 'Không có dữ liệu', en: 'No data' },
	'table.search': { vi: 'Tìm kiếm (không cần dấu)', en: 'Search (accents optional)' },
	'table.previous': { vi: 'Trang trước', en: 'Previous page' },
	'table.next': { vi: 'Trang sau', en: 'Next page' },
	'table.page': { vi: 'Trang', en: 'Page' },
	'table.empty': { vi: 'Không có dòng nào', en: 'No rows' },
	'table.sortBy': { vi: 'Sắp xếp theo', en: 'Sort by' },
	'status.loading': { vi: 'Đang tải…', en: 'Loading…' },
	'status.metTarget': { vi: 'Đạt chỉ tiêu', en: 'Met target' },
	'status.missedTarget': { vi: 'Chưa đạt chỉ tiêu', en: 'Target not met' },
	'error.notFound': { vi: 'Không tìm thấy trang hoặc đơn vị này.', en: 'This page or unit was not found.' },
	'error.forbidden': { vi: 'Tài khoản của bạn không được xem dữ liệu này.', en: 'Your account may not see this data.' },
	'error.badAsOf': { vi: 'Thời điểm không hợp lệ; hãy nhập dạng 20/04/2022 08:00.', en: 'Invalid time; write it as 20/04/2022 08:00.' },
	'error.noWarehouse': { vi: 'Chưa có phiên bản dữ liệu nào được công bố.', en: 'No warehouse version has been published yet.' },
	'error.unexpected': { vi: 'Đã xảy ra lỗi. Vui lòng thử lại sau.', en: 'Something went wrong. Please try again later.' }
} as const satisfies Record<string, Message>;

type MetricMessageKey = `metric.${MetricKey}`;
type DefinitionMessageKey = `definition.${MetricKey}`;

export type MessageKey = keyof typeof UI_MESSAGES | MetricMessageKey | DefinitionMessageKey;

function metricMessages(): Record<MetricMessageKey | DefinitionMessageKey, Message> {
	const entries = (Object.keys(DEFINITIONS) as MetricKey[]).flatMap((key) => {
		const definition = DEFINITIONS[key];
		return [
			[`metric.${key}`, { vi: definition.labelVi, en: definition.labelEn }],
			[`definition.${key}`, { vi: definition.vi, en: definition.en }]
		] as const;
	});
	return Object.fromEntries(entries) as Record<MetricMessageKey | DefinitionMessageKey, Message>;
}

/** Every UI string by key. */
export const MESSAGES: Readonly<Record<MessageKey, Message>> = { ...UI_MESSAGES, ...metricMessages() };
