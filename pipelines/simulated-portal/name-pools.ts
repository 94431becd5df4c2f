// Vietnamese word pools the simulated portal composes names, positions and initiative titles from.

/** Family names, each repeated about as often per hundred people as in Vietnam (Nguyễn 38, Trần 11, Lê 10, Phạm 7, …). */
export const FAMILY_NAMES: readonly string[] = (
	[['Nguyễn', 38], ['Trần', 11], ['Lê', 10], ['Phạm', 7], ['Hoàng', 3], ['Huỳnh', 2], ['Phan', 4], ['Vũ', 2], ['Võ', 2], ['Đặng', 2], ['Bùi', 2], ['Đỗ', 1], ['Hồ', 1], ['Ngô', 1], ['Dương', 1], ['Lý', 1], ['Đinh', 1], ['Trịnh', 1], ['Mai', 1], ['Đào', 1], ['Cao', 1], ['Lương', 1], ['Tạ', 1], ['Hà', 1], ['Lưu', 1], ['Chu', 1], ['Lâm', 1], ['Tô', 1], ['Triệu', 1], ['Vương', 1], ['Kiều', 1], ['Quách', 1], ['Thái', 1], ['La', 1]] as const
).flatMap(([name, weight]) => Array<string>(weight).fill(name));
/** Middle names by gender (0 male, 1 female); repeats weight the common ones (Văn, Thị). */
export const MIDDLE_NAMES: readonly (readonly string[])[] = [
	['Văn', 'Văn', 'Văn', 'Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Công', 'Đình', 'Quang', 'Mạnh', 'Xuân', 'Thanh', 'Ngọc', 'Bá', 'Trọng', 'Duy', 'Tiến', 'Hoàng', 'Anh', 'Chí', 'Huy', 'Việt'],
	['Thị', 'Thị', 'Thị', 'Thị', 'Thị', 'Thu', 'Hồng', 'Kim', 'Ngọc', 'Thanh', 'Phương', 'Thùy', 'Minh', 'Bích', 'Diệu', 'Mỹ', 'Hoài', 'Thúy', 'Lan', 'Khánh', 'Hải', 'Mai', 'Tuyết', 'Quỳnh']
];
/** Given names by gender (0 male, 1 female). */
export const GIVEN_NAMES: readonly (readonly string[])[] = [
	['An', 'Anh', 'Bảo', 'Bình', 'Chiến', 'Công', 'Cường', 'Dũng', 'Dương', 'Đạt', 'Định', 'Đông', 'Đức', 'Duy', 'Giang', 'Hải', 'Hậu', 'Hiệp', 'Hiếu', 'Hòa', 'Hoàng', 'Hùng', 'Hưng', 'Huy', 'Khải', 'Khang', 'Khánh', 'Khoa', 'Kiên', 'Lâm', 'Lộc', 'Long', 'Luân', 'Lực', 'Mạnh', 'Minh', 'Nam', 'Nghĩa', 'Nhân', 'Phát', 'Phong', 'Phúc', 'Phước', 'Quân', 'Quang', 'Quý', 'Sang', 'Sơn', 'Tài', 'Tân', 'Thái', 'Thắng', 'Thành', 'Thịnh', 'Thọ', 'Thông', 'Tiến', 'Toàn', 'Trí', 'Trọng', 'Trung', 'Trường', 'Tú', 'Tuấn', 'Tùng', 'Vinh', 'Việt', 'Vũ', 'Hiển', 'Khôi'],
	['An', 'Anh', 'Bích', 'Chi', 'Châu', 'Diệp', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hậu', 'Hiền', 'Hoa', 'Hòa', 'Hồng', 'Huệ', 'Hương', 'Huyền', 'Khánh', 'Lan', 'Lệ', 'Liên', 'Linh', 'Loan', 'Ly', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nguyệt', 'Nhàn', 'Nhi', 'Nhung', 'Oanh', 'Phương', 'Phượng', 'Quyên', 'Quỳnh', 'Sen', 'Sương', 'Tâm', 'Thanh', 'Thảo', 'Thắm', 'Thơ', 'Thoa', 'Thu', 'Thủy', 'Thúy', 'Thư', 'Thương', 'Trang', 'Trinh', 'Tuyết', 'Tươi', 'Uyên', 'Vân', 'Vi', 'Vy', 'Xuân', 'Yến', 'Điệp', 'Lụa', 'Hiên', 'Thêu']
];
/** Share of women among authors, in 1/256 (a majority in education and health, fewer in industry; one share here). */
export const FEMALE_IN_256 = 138;

/** Positions by sector code (0 … 6, see SECTORS), each with whether it is a leadership/management post. */
export const POSITIONS: readonly (readonly [string, boolean, number])[][] = [
	[['Công nhân', false, 40], ['Kỹ sư', false, 14], ['Tổ trưởng', false, 10], ['Nhân viên', false, 14], ['Kỹ thuật viên', false, 8], ['Quản đốc', true, 4], ['Trưởng phòng', true, 5], ['Phó Giám đốc', true, 3], ['Giám đốc', true, 2]],
	[['Công nhân', false, 48], ['Nhân viên', false, 16], ['Tổ trưởng', false, 10], ['Kỹ thuật viên', false, 8], ['Kế toán', false, 4], ['Trưởng phòng', true, 6], ['Phó Giám đốc', true, 4], ['Giám đốc', true, 4]],
	[['Công nhân', false, 58], ['Tổ trưởng', false, 12], ['Nhân viên', false, 12], ['Kỹ thuật viên', false, 8], ['Chuyền trưởng', false, 4], ['Trưởng phòng', true, 4], ['Quản đốc', true, 2]],
	[['Giáo viên', false, 78], ['Tổ trưởng chuyên môn', false, 9], ['Nhân viên', false, 3], ['Phó Hiệu trưởng', true, 6], ['Hiệu trưởng', true, 4]],
	[['Bác sĩ', false, 28], ['Điều dưỡng', false, 32], ['Dược sĩ', false, 6], ['Kỹ thuật viên', false, 8], ['Nhân viên', false, 6], ['Trưởng khoa', true, 10], ['Phó Giám đốc', true, 6], ['Giám đốc', true, 4]],
	[['Chuyên viên', false, 54], ['Cán sự', false, 10], ['Nhân viên', false, 10], ['Phó Trưởng phòng', true, 12], ['Trưởng phòng', true, 9], ['Phó Giám đốc', true, 5]],
	[['Công chức', false, 58], ['Cán bộ', false, 14], ['Phó Chủ tịch UBND', true, 12], ['Chủ tịch UBND', true, 8], ['Chủ tịch Công đoàn', false, 8]]
];

/** Fields (Lĩnh vực) in the contract's wording; index = field code. */
export const FIELDS = ['Sản xuất, kinh doanh', 'Giáo dục, đào tạo', 'Y tế', 'Hành chính, sự nghiệp', 'Khoa học, công nghệ', 'Phòng, chống dịch Covid-19', 'Hoạt động công đoàn', 'Khác'] as const;

/** Field weights by sector code. */
export const FIELD_MIX: readonly (readonly number[])[] = [
	[70, 2, 1, 5, 12, 4, 4, 2],
	[74, 1, 1, 3, 9, 5, 4, 3],
	[78, 1, 1, 2, 8, 5, 3, 2],
	[2, 82, 1, 4, 3, 3, 3, 2],
	[3, 4, 68, 5, 6, 11, 2, 1],
	[6, 4, 2, 66, 10, 4, 5, 3],
	[8, 3, 2, 62, 3, 9, 8, 5]
];

/** What an initiative does (followed by its object). */
export const TITLE_HEADS = ['Cải tiến', 'Giải pháp cải tiến', 'Đổi mới', 'Nâng cao hiệu quả', 'Nâng cao chất lượng', 'Một số biện pháp nâng cao chất lượng', 'Một số giải pháp nâng cao hiệu quả', 'Hoàn thiện', 'Kinh nghiệm đổi mới', 'Giải pháp đổi mới', 'Số hóa', 'Tổ chức lại', 'Ứng dụng công nghệ số trong', 'Sáng kiến hoàn thiện', 'Biện pháp nâng cao hiệu quả', 'Đề xuất đổi mới'];

/**
 * Title kinds: the 8 field codes, then education at a preschool (8), primary (9), lower secondary (10) and upper secondary
 * school (11); education elsewhere (an education office, a centre) is kind 1.
 */
export const TITLE_KIND = { preschool: 8, primary: 9, lowerSecondary: 10, upperSecondary: 11 } as const;

const SCHOOL_OBJECTS = ['phương pháp dạy học môn Toán', 'việc rèn kỹ năng đọc', 'phương pháp dạy Tiếng Anh', 'hoạt động trải nghiệm', 'công tác chủ nhiệm lớp', 'việc bồi dưỡng học sinh giỏi', 'phương pháp dạy học môn Ngữ văn', 'dạy học trực tuyến', 'giáo dục kỹ năng sống', 'công tác phụ đạo học sinh yếu', 'việc dạy học môn Lịch sử', 'hoạt động thư viện trường học', 'việc làm đồ dùng dạy học', 'công tác kiểm tra, đánh giá'];
const PRESCHOOL_OBJECTS = ['hoạt động trải nghiệm', 'hoạt động vui chơi ngoài trời', 'giáo dục kỹ năng sống', 'công tác bán trú', 'việc làm đồ dùng, đồ chơi', 'giáo dục dinh dưỡng', 'việc cho trẻ làm quen với chữ cái', 'công tác phối hợp với cha mẹ trẻ', 'việc xây dựng môi trường lấy trẻ làm trung tâm'];

/** Title objects by title kind. */
export const TITLE_OBJECTS: readonly (readonly string[])[] = [
	['quy trình kiểm tra chất lượng sản phẩm', 'máy cắt vải tự động', 'dây chuyền đóng gói', 'hệ thống băng tải', 'khuôn ép nhựa', 'cách bố trí chuyền may', 'quy trình bảo dưỡng thiết bị', 'hệ thống chiếu sáng nhà xưởng', 'cách sắp xếp kho, bãi', 'đồ gá hàn', 'quy trình nhập, xuất kho', 'thiết bị cấp phôi', 'hệ thống khí nén', 'lò hơi', 'quy trình cạo mủ cao su', 'quy trình vận hành máy nén', 'hệ thống xử lý nước thải'],
	['công tác quản lý chuyên môn', 'công tác kiểm định chất lượng giáo dục', 'việc bồi dưỡng giáo viên', 'công tác tuyển sinh', 'quản lý hồ sơ học sinh', 'công tác thanh tra, kiểm tra', 'việc tổ chức thi', 'dạy học trực tuyến'],
	['quy trình tiếp đón người bệnh', 'chăm sóc người bệnh sau phẫu thuật', 'quản lý hồ sơ bệnh án điện tử', 'quy trình tiệt khuẩn dụng cụ', 'công tác tiêm chủng', 'quản lý thuốc', 'cấp cứu ban đầu', 'quy trình cấp phát thuốc', 'công tác kiểm soát nhiễm khuẩn'],
	['quy trình tiếp nhận hồ sơ một cửa', 'công tác lưu trữ hồ sơ', 'cải cách thủ tục hành chính', 'quản lý văn bản điện tử', 'công tác thu ngân sách', 'quản lý tài sản công', 'công tác tuyên truyền pháp luật', 'công tác tiếp công dân'],
	['phần mềm quản lý', 'hệ thống giám sát từ xa', 'thiết bị đo lường', 'hệ thống điều khiển tự động', 'cơ sở dữ liệu chuyên ngành', 'hệ thống cảnh báo sớm'],
	['công tác phòng, chống dịch Covid-19', 'quy trình sàng lọc, xét nghiệm', 'bố trí khu cách ly', 'tổ chức sản xuất "3 tại chỗ"', 'phân luồng người lao động'],
	['hoạt động Công đoàn cơ sở', 'công tác phát triển đoàn viên', 'tổ chức "Tháng Công nhân"', 'công tác chăm lo đời sống đoàn viên', 'công tác thi đua, khen thưởng', 'đối thoại tại nơi làm việc'],
	['công tác vệ sinh môi trường', 'tiết kiệm điện năng', 'quản lý bếp ăn tập thể', 'công tác an toàn, vệ sinh lao động', 'công tác phòng cháy, chữa cháy'],
	PRESCHOOL_OBJECTS, SCHOOL_OBJECTS, SCHOOL_OBJECTS, SCHOOL_OBJECTS
];

/**
 * Where or for whom, by title kind; "{a-b}" expands to a … b (a numbered workshop, team, grade). Empty entries: titles
 * without a qualifier.
 */
const QUALIFIER_TEMPLATES: readonly (readonly string[])[] = [
	['', '', '', ' tại phân xưởng số {1-12}', ' tại tổ sản xuất số {1-12}', ' của dây chuyền số {1-8}', ' tại xưởng cơ điện', ' tại bộ phận kho vận', ' tại phân xưởng cơ khí', ' của ca sản xuất', ' tại khu vực đóng gói', ' cho công nhân mới tuyển dụng'],
	['', '', ' trên địa bàn', ' ở các trường vùng khó khăn', ' cho giáo viên mới tuyển dụng', ' trong năm học mới'],
	['', '', '', ' tại khoa Nội', ' tại khoa Ngoại', ' tại khoa Hồi sức cấp cứu', ' tại khoa Nhi', ' tại khoa Khám bệnh', ' tại khoa Sản', ' tại khoa Dược', ' cho người bệnh cao tuổi', ' tại phòng mổ số {1-6}'],
	['', '', '', ' tại bộ phận một cửa', ' tại phòng Tổ chức - Hành chính', ' tại phòng Kế hoạch - Tài chính', ' tại văn phòng', ' của cơ quan', ' cho cán bộ, công chức'],
	['', '', ' trong quản lý nhân sự', ' trong quản lý kho', ' trong giám sát vận hành', ' trong công tác kế toán', ' trong quản lý hồ sơ', ' cho trạm biến áp số {1-9}', ' trong điều hành sản xuất', ' trên thiết bị di động'],
	['', '', ' tại nơi làm việc', ' tại khu nhà trọ công nhân', ' cho người lao động', ' tại bếp ăn tập thể', ' tại nhà xưởng số {1-9}'],
	['', '', ' cho đoàn viên nữ', ' cho công nhân lao động', ' ở tổ công đoàn số {1-9}', ' trong doanh nghiệp'],
	['', '', ' tại nhà xưởng', ' tại khu văn phòng', ' tại bếp ăn', ' cho người lao động', ' tại khu vực số {1-9}'],
	['', '', ' cho trẻ 5 - 6 tuổi', ' cho trẻ 4 - 5 tuổi', ' cho trẻ 3 - 4 tuổi', ' cho trẻ nhà trẻ', ' ở lớp mẫu giáo ghép'],
	['', '', ' cho học sinh lớp {1-5}', ' ở lớp {1-5}', ' cho học sinh dân tộc thiểu số', ' trong giờ sinh hoạt lớp', ' ở lớp ghép'],
	['', '', ' cho học sinh lớp {6-9}', ' ở lớp {6-9}', ' cho học sinh dân tộc thiểu số', ' trong giờ sinh hoạt lớp'],
	['', '', ' cho học sinh lớp {10-12}', ' ở lớp {10-12}', ' ôn thi tốt nghiệp trung học phổ thông', ' trong giờ sinh hoạt lớp']
];

/** Qualifiers by title kind, "{a-b}" expanded. */
export const TITLE_QUALIFIERS: readonly (readonly string[])[] = QUALIFIER_TEMPLATES.map((list) =>
	list.flatMap((q) => {
		const range = /\{(\d+)-(\d+)\}/u.exec(q);
		if (!range) return [q];
		const [from, to] = [Number(range[1]), Number(range[2])];
		return Array.from({ length: to - from + 1 }, (_, k) => q.replace(range[0], String(from + k)));
	})
);

/** What for or when. */
export const TITLE_TAILS = ['', '', '', '', ' nhằm tiết kiệm chi phí', ' năm 2022', ' năm 2023', ' giai đoạn 2022 - 2023', ' trong điều kiện bình thường mới', ' đáp ứng yêu cầu chuyển đổi số', ' nhằm giảm thời gian thực hiện', ' góp phần nâng cao hiệu quả công việc'];

/** Ward, commune and school namesakes. */
export const PLACES = ['Quang Trung', 'Lê Lợi', 'Trần Phú', 'Nguyễn Du', 'Lý Thường Kiệt', 'Hùng Vương', 'Kim Đồng', 'Võ Thị Sáu', 'Nguyễn Trãi', 'Chu Văn An', 'Lê Quý Đôn', 'Ngô Quyền', 'Phan Bội Châu', 'Hoàng Hoa Thám', 'Trưng Vương', 'Đinh Tiên Hoàng', 'Lê Hồng Phong', 'Nguyễn Huệ', 'Điện Biên', 'Hòa Bình', 'Tân Phú', 'An Phú', 'Đông Hải', 'Tân Hưng', 'Bình An', 'Phú Lợi', 'Hòa Lạc', 'Tân Lập', 'Thịnh Lang', 'Đông Thọ', 'Quảng Tâm', 'Hoằng Quang', 'Thiệu Dương', 'Hải Bình', 'Nghi Phú', 'Hưng Lộc', 'Cẩm Quan', 'Thạch Trung', 'Vĩnh Ninh', 'Xuân Phương', 'Yên Hòa', 'Phúc Diễn', 'Long Biên', 'Mỹ Đình', 'Tam Thanh', 'Phước Long', 'Tân Định', 'Bình Thạnh', 'Thanh Xuân', 'Hiệp Hòa', 'Đồng Tâm', 'Minh Khai', 'Tân Tiến', 'Hợp Thành', 'Quyết Thắng', 'Thống Nhất', 'Đoàn Kết', 'Tiến Thành', 'Hòa Hiệp', 'Phú Hòa', 'Long Hưng', 'Nhơn Trạch', 'Phước Tân', 'Thạnh Phú', 'Mỹ Xuân', 'Long Sơn', 'Kim Dinh', 'Châu Thành', 'Thới Lai', 'Ninh Kiều', 'Cái Răng', 'Vị Thanh', 'Long Xuyên', 'Tịnh Biên', 'Đức Hòa', 'Bến Lức', 'Cẩm Phả', 'Uông Bí', 'Đồ Sơn', 'Kiến An', 'Thủy Nguyên', 'Lạng Giang', 'Yên Dũng', 'Việt Yên', 'Tiên Du', 'Quế Võ', 'Sầm Sơn', 'Bỉm Sơn', 'Nghi Sơn', 'Cửa Lò', 'Hồng Lĩnh', 'Kỳ Anh', 'Đông Sơn', 'Quảng Xương', 'Hậu Lộc', 'Nga Sơn', 'Thọ Xuân', 'Triệu Sơn', 'Yên Định', 'Vĩnh Lộc'];

/** Upper-level district names. */
export const DISTRICTS = ['Đông Sơn', 'Quảng Xương', 'Hoằng Hóa', 'Hậu Lộc', 'Nga Sơn', 'Thọ Xuân', 'Triệu Sơn', 'Yên Định', 'Vĩnh Lộc', 'Thiệu Hóa', 'Nông Cống', 'Tĩnh Gia', 'Như Thanh', 'Ngọc Lặc', 'Cẩm Thủy', 'Thạch Thành', 'Bá Thước', 'Lang Chánh', 'Thường Xuân', 'Quan Hóa', 'Mường Lát', 'Như Xuân', 'Quan Sơn', 'Hà Trung', 'Đức Thọ', 'Can Lộc', 'Thạch Hà', 'Cẩm Xuyên', 'Hương Sơn', 'Nghi Lộc', 'Diễn Châu', 'Quỳnh Lưu', 'Yên Thành', 'Đô Lương', 'Thanh Chương', 'Nam Đàn', 'Hưng Nguyên', 'Lạng Giang', 'Yên Dũng', 'Việt Yên', 'Hiệp Hòa', 'Tân Yên', 'Lục Nam', 'Lục Ngạn', 'Sơn Động', 'Yên Thế', 'Châu Đức', 'Xuyên Mộc', 'Long Điền', 'Đất Đỏ', 'Côn Đảo', 'Tân Thành', 'Gia Lâm', 'Đông Anh', 'Sóc Sơn', 'Thanh Trì', 'Ba Vì', 'Chương Mỹ', 'Thạch Thất', 'Quốc Oai', 'Hoài Đức', 'Đan Phượng', 'Phúc Thọ', 'Mê Linh', 'Thường Tín', 'Phú Xuyên', 'Ứng Hòa', 'Mỹ Đức', 'Củ Chi', 'Hóc Môn', 'Bình Chánh', 'Nhà Bè', 'Cần Giờ', 'Châu Thành', 'Phong Điền', 'Cờ Đỏ', 'Thới Lai', 'Vĩnh Thạnh', 'Thốt Nốt', 'Ô Môn', 'Bình Thủy', 'Cái Răng', 'Chợ Mới', 'Phú Tân', 'Tân Châu', 'An Phú', 'Tri Tôn', 'Thoại Sơn', 'Đức Hòa', 'Bến Lức', 'Cần Đước', 'Cần Giuộc', 'Thủ Thừa', 'Tân Trụ', 'Kim Bảng', 'Thanh Liêm', 'Bình Lục', 'Lý Nhân', 'Duy Tiên', 'Thủy Nguyên', 'An Dương', 'An Lão', 'Kiến Thụy', 'Tiên Lãng', 'Vĩnh Bảo', 'Cát Hải', 'Long Mỹ', 'Phụng Hiệp', 'Vị Thủy', 'Châu Thành A', 'Kỳ Anh', 'Hương Khê', 'Vũ Quang', 'Lộc Hà'];

export const TOWN_KINDS = ['huyện', 'huyện', 'huyện', 'huyện', 'thị xã', 'thành phố'];

export const ENTERPRISE_WORDS = ['May mặc', 'Dệt may', 'Cơ khí', 'Điện tử', 'Xây dựng', 'Thực phẩm', 'Giày da', 'Bao bì', 'Thép', 'Gỗ', 'Nhựa', 'Vận tải', 'Thương mại', 'Dịch vụ', 'Môi trường', 'Cấp nước', 'Xi măng', 'Phân bón', 'Dược phẩm', 'Điện lực', 'Cao su', 'Thủy sản', 'Chế biến nông sản', 'Linh kiện', 'Bê tông'];
export const BRAND_SYLLABLES = ['Hoàng', 'Minh', 'Phát', 'Thành', 'Đạt', 'Tân', 'Hưng', 'Thịnh', 'Việt', 'Nam', 'Á', 'Phú', 'Long', 'An', 'Bình', 'Gia', 'Quang', 'Trường', 'Sơn', 'Hải', 'Kim', 'Đông', 'Tây', 'Bắc'];
export const FOREIGN_SYLLABLES = ['Hwa', 'Tae', 'Shin', 'Yu', 'Sung', 'Kyo', 'Nan', 'Pou', 'Chen', 'Tak', 'Sei', 'Hanh', 'Dae', 'Won', 'Fu', 'Lin', 'Mei', 'Ko', 'Sa', 'Ryo'];
export const FOREIGN_WORDS = ['Electronics', 'Vina', 'Textile', 'Footwear', 'Precision', 'Industrial', 'Garment', 'Technology', 'Components', 'Apparel', 'Materials', 'Packaging'];
export const HIGH_SCHOOL_NAMESAKES = ['Lê Lợi', 'Trần Phú', 'Nguyễn Du', 'Lam Sơn', 'Chu Văn An', 'Lê Quý Đôn', 'Phan Chu Trinh', 'Nguyễn Trãi', 'Hàm Rồng', 'Đào Duy Từ', 'Quang Trung', 'Lê Hồng Phong', 'Hoàng Văn Thụ', 'Nguyễn Huệ', 'Trần Hưng Đạo'];
