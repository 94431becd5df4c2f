// Vietnamese word pools the simulated portal composes names, positions and initiative titles from.

export const FAMILY_NAMES = ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trịnh', 'Mai', 'Đào', 'Cao', 'Lương', 'Tạ', 'Hà', 'Lưu', 'Chu'];
export const MIDDLE_NAMES = ['Văn', 'Văn', 'Thị', 'Thị', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Xuân', 'Thu', 'Hồng', 'Kim', 'Anh', 'Bảo', 'Công', 'Đình', 'Phương', 'Quang', 'Thùy', 'Mạnh', 'Trung'];
export const GIVEN_NAMES = ['An', 'Anh', 'Bình', 'Chi', 'Cường', 'Dũng', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hằng', 'Hiền', 'Hiếu', 'Hoa', 'Hòa', 'Hùng', 'Hương', 'Huyền', 'Khánh', 'Lan', 'Liên', 'Linh', 'Loan', 'Long', 'Mai', 'Minh', 'My', 'Nam', 'Nga', 'Ngọc', 'Nhung', 'Oanh', 'Phong', 'Phúc', 'Phương', 'Quân', 'Quang', 'Quyên', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Thành', 'Thủy', 'Trang', 'Trung', 'Tuấn', 'Tùng', 'Uyên', 'Vân', 'Việt', 'Vy', 'Yến', 'Thư', 'Thịnh', 'Toàn', 'Lực', 'Nhàn'];

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

export const TITLE_HEADS = ['Cải tiến', 'Giải pháp', 'Ứng dụng', 'Đổi mới', 'Nâng cao hiệu quả', 'Sáng kiến', 'Một số biện pháp', 'Xây dựng'];

/** Title objects by field code. */
export const TITLE_OBJECTS: readonly (readonly string[])[] = [
	['quy trình kiểm tra chất lượng sản phẩm', 'máy cắt vải tự động', 'dây chuyền đóng gói', 'hệ thống băng tải', 'khuôn ép nhựa', 'cách bố trí chuyền may', 'quy trình bảo dưỡng thiết bị', 'hệ thống chiếu sáng nhà xưởng', 'cách sắp xếp kho, bãi', 'đồ gá hàn', 'quy trình nhập, xuất kho', 'thiết bị cấp phôi', 'hệ thống khí nén', 'lò hơi', 'quy trình cạo mủ cao su'],
	['phương pháp dạy học môn Toán lớp 5', 'việc dạy đọc cho học sinh lớp 1', 'phương pháp dạy Tiếng Anh', 'hoạt động trải nghiệm cho trẻ mầm non', 'công tác chủ nhiệm lớp', 'việc bồi dưỡng học sinh giỏi', 'phương pháp dạy học môn Ngữ văn', 'dạy học trực tuyến', 'giáo dục kỹ năng sống cho học sinh', 'công tác phụ đạo học sinh yếu', 'việc dạy học môn Lịch sử', 'hoạt động thư viện trường học'],
	['quy trình tiếp đón người bệnh', 'chăm sóc người bệnh sau phẫu thuật', 'quản lý hồ sơ bệnh án điện tử', 'quy trình tiệt khuẩn dụng cụ', 'công tác tiêm chủng', 'quản lý thuốc tại khoa', 'cấp cứu ban đầu'],
	['quy trình tiếp nhận hồ sơ một cửa', 'công tác lưu trữ hồ sơ', 'cải cách thủ tục hành chính', 'quản lý văn bản điện tử', 'công tác thu ngân sách', 'quản lý tài sản công', 'công tác tuyên truyền pháp luật'],
	['phần mềm quản lý', 'ứng dụng công nghệ thông tin', 'hệ thống giám sát từ xa', 'thiết bị đo lường', 'hệ thống điều khiển tự động', 'cơ sở dữ liệu chuyên ngành'],
	['công tác phòng, chống dịch Covid-19', 'quy trình sàng lọc, xét nghiệm', 'bố trí khu cách ly', 'tổ chức sản xuất "3 tại chỗ"', 'phân luồng người lao động'],
	['hoạt động Công đoàn cơ sở', 'công tác phát triển đoàn viên', 'tổ chức "Tháng Công nhân"', 'công tác chăm lo đời sống đoàn viên', 'công tác thi đua, khen thưởng'],
	['công tác vệ sinh môi trường', 'tiết kiệm điện năng', 'quản lý bếp ăn tập thể', 'công tác an toàn, vệ sinh lao động']
];
export const TITLE_TAILS = ['', '', '', ' tại đơn vị', ' nhằm tiết kiệm chi phí', ' năm 2022', ' năm học 2022 - 2023', ' giai đoạn 2022 - 2023', ' góp phần nâng cao năng suất lao động', ' trong điều kiện bình thường mới'];

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
