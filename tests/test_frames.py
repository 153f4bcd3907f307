"""Figure frames read sentence by sentence (rag.vi.frames, rag.vi.numbers, rag.vi.calendar):
one row a shape of how reports write figures -- month and months to date, level and growth,
total and part, the three bases of trade, counts at two dates, day-bounded and point-in-time
figures, comparison years, ranges, approximations, thousands separators, minus signs, plan
shares, ranks, shares, rates per day, estimates, targets -- with the frame fields expected."""
# ruff: noqa: E501  (the table holds whole sentences, one a row)

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from rag.answer.figures import period_match
from rag.answer.question import read_question
from rag.search.query import analyze
from rag.vi.asked import question_periods
from rag.vi.calendar import (
    month_period,
    months_period,
    quarter_period,
    relation,
    to_date_period,
    year_period,
)
from rag.vi.frames import Frame, extract
from rag.vi.mentions import find_mentions
from rag.vi.numbers import find_values

# (case, sentence, the document's date, the value as written, expected frame fields)
SENTENCES: list[tuple[str, str, str, str, dict[str, Any]]] = [
    ('month', 'Tháng 8/2024, tổng mức bán lẻ hàng hóa ước đạt 3.100 tỷ đồng; cộng dồn 8 tháng đạt 23.900 tỷ đồng.',
     '2024-08-29', '3.100 tỷ đồng', {'measure': 'level', 'period': 'tháng 8/2024', 'estimate': True}),
    ('months_to_date', 'Tháng 8/2024, tổng mức bán lẻ hàng hóa ước đạt 3.100 tỷ đồng; cộng dồn 8 tháng đạt 23.900 tỷ đồng.',
     '2024-08-29', '23.900 tỷ đồng', {'measure': 'level', 'period': '8 tháng năm 2024', 'indicator': 'tổng mức bán lẻ hàng hóa'}),
    ('level_and_growth_level', 'Năm 2023, GRDP ước đạt 21.500 tỷ đồng, tăng 6,8% so với năm 2022.',
     '2023-12-20', '21.500 tỷ đồng', {'measure': 'level', 'period': 'năm 2023', 'indicator': 'GRDP'}),
    ('level_and_growth_change', 'Năm 2023, GRDP ước đạt 21.500 tỷ đồng, tăng 6,8% so với năm 2022.',
     '2023-12-20', '6,8%', {'measure': 'change', 'period': 'năm 2023', 'comparison': 'năm 2022', 'indicator': 'GRDP'}),
    ('total', 'Năm 2023, tỉnh đón 1,45 triệu lượt khách, trong đó khách quốc tế 38.000 lượt.',
     '2023-12-20', '1,45 triệu lượt khách', {'measure': 'level', 'part': False}),
    ('part', 'Năm 2023, tỉnh đón 1,45 triệu lượt khách, trong đó khách quốc tế 38.000 lượt.',
     '2023-12-20', '38.000 lượt', {'part': True, 'indicator': 'khách quốc tế', 'basis': ('international',)}),
    ('basis_all_types', 'Tổng kim ngạch xuất nhập khẩu của tất cả các loại hình qua địa bàn năm 2022 đạt 38.146,9 triệu USD.',
     '2022-12-28', '38.146,9 triệu USD', {'basis': ('all_types',), 'period': 'năm 2022'}),
    ('basis_declared', 'Kim ngạch hàng hóa mở tờ khai tại Cục Hải quan tỉnh năm 2022 đạt 2.710,5 triệu USD.',
     '2022-12-28', '2.710,5 triệu USD', {'basis': ('declared',)}),
    ('basis_local', 'Năm 2022, hàng địa phương xuất khẩu đạt 104,8 triệu USD.',
     '2022-12-28', '104,8 triệu USD', {'basis': ('local_goods',)}),
    ('count_june', 'Đến tháng 6/2021, toàn tỉnh có 80 sản phẩm OCOP. Đến tháng 12/2021, con số này là 92 sản phẩm.',
     '2021-12-30', '80 sản phẩm', {'period': 'tính đến tháng 6/2021', 'period_kind': 'to_date'}),
    ('count_december', 'Đến tháng 6/2021, toàn tỉnh có 80 sản phẩm OCOP. Đến tháng 12/2021, con số này là 92 sản phẩm.',
     '2021-12-30', '92 sản phẩm', {'period': 'tính đến tháng 12/2021'}),
    ('day_range', 'Từ ngày 1/12 đến hết 15/12/2021, kim ngạch xuất khẩu qua các cửa khẩu đạt 120 triệu USD.',
     '2021-12-16', '120 triệu USD', {'period_kind': 'days', 'period_start': '2021-12-01', 'period_end': '2021-12-15'}),
    ('to_date_day', 'Tính đến ngày 29/9/2023, kim ngạch xuất nhập khẩu đạt 3.102 triệu USD.',
     '2023-09-30', '3.102 triệu USD', {'period_kind': 'to_date', 'period_end': '2023-09-29'}),
    ('point_in_time', 'Sáng 21/12/2021, tại các cửa khẩu còn tồn khoảng 4.000 xe hàng.',
     '2021-12-21', 'khoảng 4.000 xe', {'period_kind': 'day', 'period_end': '2021-12-21', 'approx': 'khoảng'}),
    ('comparison_year_not_own', 'Quý I/2023, kim ngạch xuất khẩu đạt 650 triệu USD, tăng 12% so với cùng kỳ năm 2022.',
     '2023-04-05', '12%', {'period': 'quý I/2023', 'measure': 'change'}),
    ('range', 'Thời gian thông quan được rút ngắn từ 8 - 10 giờ xuống còn 3 - 4 giờ.',
     '2023-02-08', '3 - 4 giờ', {'number': 3.0, 'high': 4.0, 'unit': 'giờ'}),
    ('range_first', 'Thời gian thông quan được rút ngắn từ 8 - 10 giờ xuống còn 3 - 4 giờ.',
     '2023-02-08', '8 - 10 giờ', {'number': 8.0, 'high': 10.0}),
    ('approx_gan', 'Năm 2023, tổng thu từ khách du lịch đạt gần 3.700 tỷ đồng.',
     '2023-12-20', 'gần 3.700 tỷ đồng', {'approx': 'gần'}),
    ('approx_hon', 'Năm 2023, Lạng Sơn đón hơn 4,4 triệu lượt khách.',
     '2023-12-20', 'hơn 4,4 triệu lượt khách', {'approx': 'hơn'}),
    ('thousands_space', 'Năm 2015, sản lượng điện thương phẩm đạt 1 036 triệu kWh.',
     '2015-12-20', '1 036 triệu kWh', {'number': 1036.0}),
    ('thousands_nbsp', 'Năm 2015, doanh thu đạt 2\xa0450 tỷ đồng.',
     '2015-12-20', '2\xa0450 tỷ đồng', {'number': 2450.0}),
    ('minus_sign', 'Chỉ số giá nhóm giao thông tháng 12/2022 giảm mạnh (−3,52%) so với tháng trước.',
     '2022-12-29', '−3,52%', {'number': -3.52, 'measure': 'change'}),
    ('fall_in_words', 'Chỉ số sản xuất công nghiệp 8 tháng năm 2024 giảm 0,74% so với cùng kỳ.',
     '2024-08-29', 'giảm 0,74%', {'number': 0.74, 'measure': 'change', 'direction': -1, 'period': '8 tháng năm 2024'}),
    ('plan_share', 'Năm 2022, tổng mức bán lẻ hàng hóa đạt 27.318,6 tỷ đồng, bằng 105,1% kế hoạch.',
     '2022-12-28', '105,1%', {'measure': 'plan_share'}),
    ('plan_share_dat', 'Thu ngân sách năm 2019 đạt 7.128,3 tỷ đồng, đạt 126% kế hoạch.',
     '2019-12-26', '126%', {'measure': 'plan_share'}),
    ('rank', 'Năm 2018, chỉ số năng lực cạnh tranh cấp tỉnh (PCI) của Lạng Sơn xếp thứ 47/63 tỉnh, thành phố.',
     '2019-04-01', '47/63', {'measure': 'rank'}),
    ('share', 'Năm 2024, khu vực dịch vụ chiếm 50,31% GRDP.',
     '2024-12-20', '50,31%', {'measure': 'share'}),
    ('per_day', 'Trong 10 tháng năm 2025, bình quân mỗi ngày có 1.386 xe/ngày thông quan.',
     '2025-10-31', '1.386 xe/ngày', {'unit': 'xe/ngày', 'period': '10 tháng năm 2025'}),
    ('estimate', 'Kim ngạch xuất khẩu 6 tháng đầu năm 2026 ước đạt 1.020 triệu USD.',
     '2026-06-29', '1.020 triệu USD', {'estimate': True, 'period': '6 tháng đầu năm 2026'}),
    ('final', 'Kim ngạch xuất khẩu năm 2025 đạt 2.020 triệu USD.',
     '2026-01-15', '2.020 triệu USD', {'estimate': False, 'period': 'năm 2025'}),
    ('target', 'Năm 2020, tỉnh phấn đấu kim ngạch xuất nhập khẩu qua địa bàn đạt 5.500 triệu USD.',
     '2019-12-26', '5.500 triệu USD', {'target': True, 'period': 'năm 2020'}),
    ('set_target', 'Chúng tôi đặt mục tiêu kim ngạch xuất nhập khẩu năm 2018 đạt 4.850 triệu USD.',
     '2018-01-12', '4.850 triệu USD', {'target': True}),
    ('against_plan_not_target', 'Theo Sở Kế hoạch và Đầu tư, năm 2021 có 512 doanh nghiệp thành lập mới.',
     '2021-12-30', '512 doanh nghiệp', {'target': False, 'period': 'năm 2021'}),
    ('bracket_compared', 'Tốc độ tăng trưởng kinh tế (GRDP) ước đạt 7,12%, cao hơn năm 2018 (6,84%).',
     '2019-12-26', '6,84%', {'period': 'năm 2018', 'measure': 'change'}),
    ('bracket_stays', 'Kim ngạch năm 2017 đạt 4.412,6 triệu USD, tăng 11,8% so với năm 2016 (năm 2016 đạt 3.946,7 triệu USD) và đạt 105,1% kế hoạch.',
     '2018-01-12', '105,1%', {'period': 'năm 2017', 'measure': 'plan_share'}),
    ('intro_clause', 'Theo Sở Công Thương, tổng kim ngạch xuất nhập khẩu năm 2017 đạt 4.412,6 triệu USD.',
     '2018-01-12', '4.412,6 triệu USD', {'indicator': 'tổng kim ngạch xuất nhập khẩu'}),
    ('elided_comma', 'Năm 2021, Sở thực hiện 8 cuộc thanh, kiểm tra chuyên ngành.',
     '2021-12-30', '8 cuộc', {'detail': 'thanh kiểm tra chuyên ngành'}),
    ('list_comma_kept', 'Năm 2014, doanh thu dịch vụ lưu trú, ăn uống đạt 1.702,4 tỷ đồng.',
     '2014-12-20', '1.702,4 tỷ đồng', {'indicator': 'doanh thu dịch vụ lưu trú ăn uống'}),
    ('ocop_rating', 'Đến tháng 12/2021 có 74 sản phẩm; trong đó 12 sản phẩm đạt 4 sao và 62 sản phẩm đạt 3 sao.',
     '2021-12-30', '12 sản phẩm', {'detail': '4 sao', 'part': True}),
    ('price_base_not_period', 'GRDP quý I/2019 theo giá so sánh 2010 ước tăng 6,82% so với cùng kỳ năm 2018.',
     '2019-03-28', '6,82%', {'period': 'quý I/2019', 'basis': ('constant_prices',)}),
    ('quarter_vs_half', 'GRDP 6 tháng đầu năm 2026 ước tăng 7,86% so với cùng kỳ; riêng quý II tăng 8,12%.',
     '2026-06-29', '8,12%', {'period': 'quý II/2026', 'measure': 'change'}),
    ('multiple', 'Năm 2023, khách quốc tế đạt 96.310 lượt, gấp 6,2 lần năm 2022.',
     '2023-12-20', '96.310 lượt', {'period': 'năm 2023', 'indicator': 'khách quốc tế'}),
    ('company_has', 'Trong 3 tháng đầu năm 2018, Công ty Cổ phần X có sản lượng hàng hóa đạt 62.708 tấn.',
     '2018-04-28', '62.708 tấn', {'period': '3 tháng đầu năm 2018', 'unit': 'tấn'}),
    ('total_words_before_parts', 'Tính đến tháng 12/2022, toàn tỉnh có 96 sản phẩm được công nhận đạt chuẩn OCOP, trong đó 15 sản phẩm 4 sao và 81 sản phẩm 3 sao.',
     '2022-12-28', '96 sản phẩm', {'detail': 'chuẩn OCOP', 'part': False}),
    ('part_after_total_words', 'Tính đến tháng 12/2022, toàn tỉnh có 96 sản phẩm được công nhận đạt chuẩn OCOP, trong đó 15 sản phẩm 4 sao và 81 sản phẩm 3 sao.',
     '2022-12-28', '15 sản phẩm', {'indicator': '', 'parent': 'sản phẩm chuẩn OCOP', 'detail': '4 sao', 'part': True}),
    ('part_after_total_detail', 'Riêng ngày 9/2/2024 đã có 1.320 phương tiện làm thủ tục xuất nhập khẩu qua các cửa khẩu của tỉnh, trong đó 610 xe xuất khẩu và 710 xe nhập khẩu.',
     '2024-02-10', '610 xe', {'indicator': '', 'detail': 'xuất khẩu', 'parent': 'phương tiện làm thủ tục xuất nhập khẩu qua các cửa khẩu của tỉnh'}),
    ('rate_per_year', 'Tốc độ tăng trưởng GRDP bình quân giai đoạn 2016–2020 ước đạt 6,5%/năm (mục tiêu 7%/năm); trong đó năm 2016 tăng 7,1%; năm 2017 tăng 6,9%.',
     '2020-11-15', '6,5%/năm', {'number': 6.5, 'unit': '%', 'measure': 'change', 'period': 'giai đoạn 2016–2020'}),
    ('listed_after_average_not_target', 'Tốc độ tăng trưởng GRDP bình quân giai đoạn 2016–2020 ước đạt 6,5%/năm (mục tiêu 7%/năm); trong đó năm 2016 tăng 7,1%; năm 2017 tăng 6,9%.',
     '2020-11-15', '6,9%', {'parent': 'Tốc độ tăng trưởng GRDP bình quân', 'period': 'năm 2017', 'measure': 'change', 'part': True}),
    ('change_with_degree', 'Chỉ số giá tiêu dùng (CPI) tháng 5/2023 tăng nhẹ 0,12% so với tháng trước.',
     '2023-05-29', '0,12%', {'measure': 'change', 'comparison': 'tháng trước', 'indicator': 'Chỉ số giá tiêu dùng CPI'}),
    ('average_change', 'Giai đoạn 2016–2020, chỉ số sản xuất công nghiệp tăng bình quân 7,6%/năm.',
     '2021-02-01', '7,6%/năm', {'measure': 'change', 'indicator': 'chỉ số sản xuất công nghiệp'}),
    ('parts_known_by_their_sum', 'Tính đến hết ngày 20/6/2024, kim ngạch hàng hóa xuất nhập khẩu qua địa bàn đạt 20.115 triệu USD, trong đó: kim ngạch hàng hóa mở tờ khai đạt 1.250,5 triệu USD; kim ngạch xuất khẩu ước đạt 410,2 triệu USD; kim ngạch nhập khẩu ước đạt 840,3 triệu USD.',
     '2024-06-21', '410,2 triệu USD', {'basis': ('declared',), 'parent': 'kim ngạch hàng hóa mở tờ khai triệu USD', 'part': True}),
    ('money_no_part_of_a_count', 'Quý I, toàn tỉnh đón 900 nghìn lượt khách, trong đó khách quốc tế 80 nghìn lượt; doanh thu du lịch ước 400 tỷ đồng.',
     '2024-03-28', '400 tỷ đồng', {'part': False, 'parent': '', 'indicator': 'doanh thu du lịch'}),
    ('target_is_no_subject', 'Chỉ số sản xuất công nghiệp (IIP) tăng bình quân 7,6%/năm, đạt mục tiêu đề ra (7 - 8%/năm). Cụ thể: năm 2016 tăng 10,1%; năm 2017 tăng 7,4%.',
     '2021-02-01', '7,4%', {'parent': 'Chỉ số sản xuất công nghiệp IIP', 'period': 'năm 2017', 'measure': 'change'}),
    ('target_can_be_the_subject', 'Năm 2024, tỉnh phấn đấu kim ngạch xuất khẩu đạt 1.000 triệu USD. Hết tháng 6, đạt 520 triệu USD.',
     '2024-07-05', '520 triệu USD', {'parent': 'kim ngạch xuất khẩu', 'target': False}),
    ('cause_is_no_detail', 'Năm 2020, khách quốc tế chỉ đạt 41.260 lượt do biên giới đóng cửa; doanh thu giảm 12,5% do giá dịch vụ giảm.',
     '2021-03-15', '41.260 lượt', {'detail': '', 'indicator': 'khách quốc tế'}),
    ('remark_after_a_dash', 'Riêng ngày 12/3/2024 có 1.620 xe làm thủ tục, trong đó 530 xe xuất khẩu và 1.090 xe nhập khẩu – mức cao nhất kể từ đầu quý I.',
     '2024-03-30', '1.090 xe', {'detail': 'nhập khẩu', 'period': 'ngày 12/3/2024'}),
    ('this_figure_points_back', 'Đến tháng 6/2022, toàn tỉnh có 60 sản phẩm được công nhận đạt chuẩn OCOP. Sau đợt đánh giá cuối năm, đến tháng 12/2022 con số này đã tăng lên 81 sản phẩm.',
     '2022-12-28', '81 sản phẩm', {'detail': 'chuẩn OCOP', 'indicator': 'sản phẩm chuẩn OCOP', 'period': 'tính đến tháng 12/2022'}),
    ('dat_leading_to_no_value', 'Năm 2020, toàn tỉnh có thêm 20 xã đạt chuẩn nông thôn mới.',
     '2020-12-28', '20 xã', {'detail': 'chuẩn nông thôn mới', 'period': 'năm 2020'}),
    ('restated_exactly', 'Năm 2020, tỉnh chỉ đón hơn 1,6 triệu lượt khách (1.627.300 lượt), giảm 48,9% so với năm 2019.',
     '2021-03-15', 'hơn 1,6 triệu lượt khách (1.627.300 lượt)', {'measure': 'level', 'approx': 'hơn', 'period': 'năm 2020'}),
    ('restated_in_smaller_units', 'Kim ngạch xuất khẩu năm 2019 đạt gần 2 tỷ USD (1.987,4 triệu USD), tăng 5,1% so với năm 2018.',
     '2020-01-10', 'gần 2 tỷ USD (1.987,4 triệu USD)', {'measure': 'level', 'indicator': 'Kim ngạch xuất khẩu'}),
    ('change_after_a_restatement', 'Kim ngạch xuất khẩu năm 2019 đạt gần 2 tỷ USD (1.987,4 triệu USD), tăng 5,1% so với năm 2018.',
     '2020-01-10', '5,1%', {'measure': 'change', 'indicator': 'Kim ngạch xuất khẩu', 'period': 'năm 2019'}),
    ('bracket_of_another_figure', 'Năm 2022, tỉnh đón 2,1 triệu lượt khách (1,35 triệu lượt khách nội địa).',
     '2022-12-28', '2,1 triệu lượt khách', {'measure': 'level', 'period': 'năm 2022'}),
    ('part_of_a_target', 'Năm 2025, tỉnh đặt mục tiêu đón 5 triệu lượt khách, trong đó 150.000 lượt khách quốc tế.',
     '2024-12-30', '150.000 lượt khách', {'target': True, 'part': True}),
    ('part_after_a_plan_share', 'Năm 2024, thu ngân sách đạt 9.800 tỷ đồng, bằng 105% dự toán, trong đó thu nội địa 3.100 tỷ đồng.',
     '2024-12-30', '3.100 tỷ đồng', {'target': False, 'part': True}),
    # a sentence opened by a forecast or a plan: its figures are targets (issue 17 kind 2)
    ('forecast_lead', 'Dự kiến cả năm 2027, doanh thu du lịch toàn tỉnh đạt khoảng 5.100 - 5.300 tỷ đồng.',
     '2027-07-10', 'khoảng 5.100 - 5.300 tỷ đồng', {'target': True, 'period': 'năm 2027'}),
    ('forecast_lead_dubao', 'Dự báo năm 2026, sản lượng điện thương phẩm đạt 1.240 triệu kWh, tăng 7% so với năm 2025.',
     '2026-03-02', '1.240 triệu kWh', {'target': True, 'period': 'năm 2026'}),
    ('plan_lead', 'Theo kế hoạch, năm 2025 thu ngân sách nhà nước trên địa bàn đạt 9.800 tỷ đồng.',
     '2025-01-15', '9.800 tỷ đồng', {'target': True}),
    ('forecast_lead_done_part', 'Dự kiến cả năm 2027, doanh thu du lịch đạt 5.200 tỷ đồng; thực hiện 6 tháng đầu năm đạt 2.480 tỷ đồng.',
     '2027-07-10', '2.480 tỷ đồng', {'target': False}),
    ('estimate_not_forecast', 'Cả năm 2026, doanh thu du lịch ước đạt 4.730 tỷ đồng.',
     '2026-12-21', '4.730 tỷ đồng', {'target': False, 'estimate': True}),
    ('signed_rate', 'Chỉ số giá nhóm giáo dục tháng 9/2023 (+2,15%) do tăng học phí.',
     '2023-09-29', '+2,15%', {'measure': 'change', 'direction': 1, 'period': 'tháng 9/2023'}),
]


def _fields(f: Frame) -> dict[str, Any]:
    p = f.period
    return {"measure": f.measure, "period": p.label if p else None,
            "period_kind": p.kind if p else None,
            "period_start": p.start.isoformat() if p else None,
            "period_end": p.end.isoformat() if p else None, "estimate": f.estimate,
            "indicator": f.indicator, "comparison": f.comparison, "part": f.part,
            "basis": f.basis, "number": f.low, "high": f.high, "unit": f.unit,
            "approx": f.approx, "direction": f.direction, "target": f.target,
            "detail": f.detail, "parent": f.parent}


@pytest.mark.parametrize(("case", "text", "doc_date", "value", "expected"), SENTENCES,
                         ids=[row[0] for row in SENTENCES])
def test_a_sentence_gives_its_frame(case: str, text: str, doc_date: str, value: str,
                                    expected: dict[str, Any]) -> None:
    frames = extract(text, "", doc_date)
    frame = next((f for f in frames if f.value == value), None)
    assert frame is not None, f"{value!r} not read; got {[f.value for f in frames]}"
    got = _fields(frame)
    assert {k: got[k] for k in expected} == expected
    assert text[frame.start:frame.end].endswith(value.split()[-1])  # offsets are the text's


def test_an_exact_restatement_is_no_figure_of_its_own() -> None:
    """A value restated in brackets to the first one's precision is shown with it, once;
    a bracketed value that disagrees, or names something else, stays a figure."""
    values = [f.value for f in extract(
        "Năm 2020, tỉnh chỉ đón hơn 1,6 triệu lượt khách (1.627.300 lượt). Năm 2021 thu "
        "ngân sách 7,1 nghìn tỷ đồng (7.118 tỷ đồng). Năm 2022 đón 2,1 triệu lượt khách "
        "(1.350.000 lượt).", "", "2023-01-05")]
    assert values == ["hơn 1,6 triệu lượt khách (1.627.300 lượt)",
                      "7,1 nghìn tỷ đồng (7.118 tỷ đồng)", "2,1 triệu lượt khách",
                      "1.350.000 lượt"]


def test_a_list_item_of_a_period_and_a_value_is_about_the_item_before() -> None:
    """"- Quý I: ước 5.318,6 tỷ đồng" after "- Tháng 3: tổng mức bán lẻ ... 1.742,5 tỷ
    đồng": what the item before named, through a run of such items; an item with words of
    its own, or a value of another kind (a count after money), takes nothing of it."""
    text = ("Thu ngân sách:\n- 6 tháng đầu năm 2020: thu ngân sách đạt 3.100 tỷ đồng.\n"
            "- Cả năm 2020: ước 7.050 tỷ đồng.\n- Quý IV: 2.000 tỷ đồng.\n"
            "- Năm 2021: 15 dự án.\nKết quả qua các năm:\n"
            "- Năm 2016: đón 2.517.360 lượt khách; tổng thu 1.386,5 tỷ đồng.\n"
            "- Năm 2017: 2.781.900 lượt khách.")
    about = {f.value: f.indicator or f.parent for f in extract(text, "", "2021-04-05")}
    assert about["7.050 tỷ đồng"] == about["2.000 tỷ đồng"] == "thu ngân sách"
    # named by what they count (issue 17's break-test), nothing of the item before
    assert about["15 dự án"] == "dự án"
    assert about["2.781.900 lượt khách"] == "lượt khách"


def test_month_columns_headed_t1_to_t12() -> None:
    """Statistics offices head month columns "T1" ... "T12" (also "Th.4"): each is that
    month of the table's year, in spreadsheet lines and in "|" rows alike."""
    lines = ("Trang tính: Số liệu\nCHỈ TIÊU CHỦ YẾU THEO THÁNG NĂM 2021\n"
             "T4 — Doanh thu dịch vụ lưu trú: 58,2 tỷ đồng (NĂM 2021; trang tính «Số liệu», "
             "dòng 6)\n")
    (frame,) = extract(lines, "", "2022-01-10")
    assert frame.period is not None and frame.period.label == "tháng 4/2021"
    rows = ("Sản lượng điện năm 2019\nChỉ tiêu | Th.11 | T12\n"
            "Điện thương phẩm (triệu kWh) | 61,4 | 66,0\n")
    assert [f.period.label for f in extract(rows, "", "2020-01-05") if f.period] == [
        "tháng 11/2019", "tháng 12/2019"]


def test_a_column_of_one_period_over_another_is_an_index() -> None:
    """"TH 2021 so TH 2020 (%)", "Năm 2019 so năm 2018 (%)": each cell is this period's
    figure over that one's (an index, 107,2 = +7,2%), never the indicator's level."""
    text = ("Trang tính: Biểu 02\nKẾT QUẢ NĂM 2021\n"
            "TH 2021 so TH 2020 (%) — Điện thương phẩm: 107,2% (NĂM 2021; trang tính "
            "«Biểu 02», dòng 5)\n"
            "Năm 2019 so năm 2018 (%) — Sản lượng xi măng: 96,4% (NĂM 2021; trang tính "
            "«Biểu 02», dòng 6)\n")
    assert [f.measure for f in extract(text, "", "2022-01-10")] == ["index", "index"]


def test_a_row_compared_with_a_base_holds_changes() -> None:
    """A row labelled with its base ("CPI so với cùng kỳ năm trước", "CPI so với tháng
    trước") under columns of periods: each cell is a change on that base, with it as the
    comparison (an index when it reads as one)."""
    text = ("Trang tính: Giá\nCHỈ SỐ GIÁ THEO THÁNG NĂM 2022\n"
            "T3 — CPI so với tháng trước: -0,42% (NĂM 2022; trang tính «Giá», dòng 4)\n"
            "Cả năm 2022 — CPI so với cùng kỳ năm trước: 2,91% (trang tính «Giá», dòng 5)\n"
            "Cả năm 2022 — Chỉ số giá vàng so với cùng kỳ (%): 104,6% (trang tính «Giá», dòng 6)\n")
    got = [(f.measure, f.comparison) for f in extract(text, "", "2023-01-05")]
    assert got == [("change", "tháng trước"), ("change", "cùng kỳ năm trước"),
                   ("index", "cùng kỳ")]


def test_a_table_takes_its_captions_basis() -> None:
    """A table under "Kim ngạch mở tờ khai theo chi cục ..." gives the goods declared at
    customs, row by row; a gate or station named "quốc tế" is no "international" basis."""
    text = ("Kim ngạch hàng hóa mở tờ khai theo chi cục hải quan, 6 tháng năm 2023\n"
            "Kim ngạch — Chi cục Hải quan ga đường sắt quốc tế Đồng Đăng: 120,4 triệu USD "
            "(6 tháng năm 2023)\n"
            "Kim ngạch — Chi cục Hải quan cửa khẩu Chi Ma: 98,7 triệu USD (6 tháng năm 2023)\n")
    assert [f.basis for f in extract(text, "", "2023-07-05")] == [("declared",), ("declared",)]


@pytest.mark.parametrize(("text", "targets"), [
    ("Phương hướng năm 2025: phấn đấu doanh thu du lịch tăng 9%; tổng mức bán lẻ đạt "
     "31.200 tỷ đồng; thu ngân sách 11.050 tỷ đồng.", [True, True, True]),
    ("Kế hoạch năm 2016: sản lượng xi măng 1,2 triệu tấn; điện thương phẩm 610 triệu kWh.",
     [True, True]),
    ("Năm 2019, tỉnh phấn đấu kim ngạch xuất khẩu 600 triệu USD; nhập khẩu 450 triệu USD.",
     [True, True]),
    ("Năm 2021 kế hoạch giao 480 tỷ đồng; thực hiện 503 tỷ đồng, vượt 4,8%.",
     [True, False, False]),
    ("Thu ngân sách năm 2021 đạt 7.310 tỷ đồng, bằng 108% dự toán; chi 9.120 tỷ đồng.",
     [False, False, False]),
])
def test_a_target_leading_a_list_holds_for_the_list(text: str, targets: list[bool]) -> None:
    """A target named before the first value of a list ("Phương hướng năm 2025: ...; ...",
    "tỉnh phấn đấu ...; ...") holds for each of its values but those said done."""
    assert [f.target for f in extract(text, "", "2020-12-30")] == targets


def test_a_part_knows_its_total() -> None:
    """A part listed after its total in one sentence points at the total's value; a total
    of another sentence, or none, is -1."""
    text = ("Riêng ngày 9/2/2024 đã có 1.320 phương tiện làm thủ tục xuất nhập khẩu qua các cửa "
            "khẩu của tỉnh, trong đó 610 xe xuất khẩu và 710 xe nhập khẩu. Trong đó, xe chở "
            "hoa quả 400 xe.")
    frames = {f.value: f for f in extract(text, "", "2024-02-10")}
    total = frames["1.320 phương tiện"]
    assert frames["610 xe"].whole == frames["710 xe"].whole == total.start
    assert total.whole == frames["400 xe"].whole == -1


def test_frames_round_trip_through_their_stored_form() -> None:
    text = " ".join(row[1] for row in SENTENCES)
    frames = extract(text, "Báo cáo", "2023-12-20")
    assert frames
    assert [Frame.from_dict(f.to_dict()) for f in frames] == frames


def test_a_period_inherited_from_the_heading_and_the_title() -> None:
    text = "Kết quả quý III/2023\nKim ngạch xuất khẩu đạt 700 triệu USD.\n\nDoanh thu đạt 9 tỷ đồng."
    by_value = {f.value: f for f in extract(text, "", "2023-10-02")}
    assert by_value["700 triệu USD"].period == quarter_period(2023, 3)
    assert by_value["700 triệu USD"].period_from == "heading"
    titled = extract("Doanh thu đạt 9 tỷ đồng.", "Báo cáo tháng 10 năm 2020", "2020-10-30")
    assert titled[0].period == month_period(2020, 10)
    assert titled[0].period_from == "document"


def test_a_table_of_indicators_is_no_table_of_targets() -> None:
    """"chỉ tiêu" heading a list of indicators (yearbooks, UBND reports) is no plan; a
    heading that names a plan still is."""
    rows = "Năm 2018 — Tổng mức bán lẻ hàng hóa: 19.836,2 tỷ đồng"
    for heading in ("Bảng 01. Một số chỉ tiêu kinh tế - xã hội chủ yếu năm 2018",
                    "Bảng 1. Các chỉ tiêu chủ yếu giai đoạn 2016-2020"):
        frames = extract(f"{heading}\n\n{rows}", "", "2019-06-01")
        assert frames and not frames[0].target, heading
    planned = extract("Chỉ tiêu kế hoạch năm 2019\n\nTổng mức bán lẻ hàng hóa đạt 21.000 tỷ "
                      "đồng.", "", "2019-01-05")
    assert planned and planned[0].target


def test_the_plan_year_of_a_title_is_not_the_figures_period() -> None:
    frames = extract("Tổng mức bán lẻ ước đạt 9.842,1 tỷ đồng, tăng 18,7%.",
                     "Tình hình kinh tế - xã hội năm 2012 và kế hoạch năm 2013", "2012-12-05")
    assert frames[0].period == year_period(2012)


def test_a_sidebar_line_keeps_its_own_place_words() -> None:
    frames = extract("Cao Bằng: GRDP năm 2022 tăng 4,21%; thu NSNN đạt 2.146,5 tỷ đồng.", "",
                     "2022-12-28")
    assert [f.value for f in frames] == ["4,21%", "2.146,5 tỷ đồng"]
    assert frames[0].period == year_period(2022)


# --- values ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("đạt 1.648,3 triệu USD", 1648.3, None, "triệu USD"),
    ("giảm −10,8%", -10.8, None, "%"),
    ("từ 150 - 170 xe", 150.0, 170.0, "xe"),
    ("khoảng 450–500 tấn", 450.0, 500.0, "tấn"),
    ("đạt 1 036 tỷ đồng", 1036.0, None, "tỷ đồng"),
    ("4.126 phương tiện chở hàng", 4126.0, None, "phương tiện"),
    ("1.386 xe/ngày", 1386.0, None, "xe/ngày"),
    ("3,66 triệu lượt khách", 3.66, None, "triệu lượt khách"),
])
def test_values_as_offices_write_them(text: str, low: float, high: float | None,
                                      unit: str) -> None:
    v = find_values(text)[0]
    assert (v.low, v.high, v.unit) == (low, high, unit)


@pytest.mark.parametrize("text", ["năm 2019", "ngày 27/8/2024", "Quyết định số 1352/QĐ-UBND",
                                  "lúc 18 giờ ngày 17/12", "giai đoạn 2016-2020",
                                  "đạt 20/22 chỉ tiêu chủ yếu", "đạt 4 sao"])
def test_dates_years_decisions_and_ratings_are_no_figures(text: str) -> None:
    assert [v.unit for v in find_values(text)] in ([], [""])
    assert not [v for v in find_values(text) if v.unit not in ("", )]


# --- periods ----------------------------------------------------------------------------

def test_a_count_on_a_day_of_the_asked_month_is_part_of_it() -> None:
    """A stock counted "tính đến 15/10/2025" answers "tháng 10/2025" as a part (said with its
    day); a flow to that day (money since January) does not; nor a day of another month."""
    asked = read_question(analyze("số sản phẩm OCOP tháng 10/2025"), date(2026, 1, 1))
    want = month_period(2025, 10)
    on_day = to_date_period(date(2025, 10, 15))
    assert period_match(asked, on_day, want, stock=True) == "partial"
    assert period_match(asked, on_day, want, stock=False) is None
    assert period_match(asked, to_date_period(date(2025, 9, 29)), want, stock=True) is None


@pytest.mark.parametrize(("asked", "stated", "relation_"), [
    (month_period(2024, 8), months_period(2024, 8), "wider"),  # a month is not 8 months
    (months_period(2024, 8), month_period(2024, 8), "partial"),
    (quarter_period(2019, 1), months_period(2019, 3), "exact"),  # quý I = 3 tháng đầu năm
    (year_period(2018), quarter_period(2018, 1), "partial"),
    (year_period(2020), year_period(2015), "none"),
])
def test_how_a_stated_period_answers_an_asked_one(asked: Any, stated: Any,
                                                  relation_: str) -> None:
    assert relation(asked, stated) == relation_


def test_a_comparison_period_is_marked() -> None:
    found = find_mentions("tăng 12% so với cùng kỳ năm 2022, gấp 2 lần năm 2021", 2023)
    assert [m.comparison for m in found] == [True, True]


@pytest.mark.parametrize(("question", "today", "labels"), [
    ("kim ngạch xuất khẩu năm ngoái", date(2026, 2, 1), ["năm 2025"]),
    ("tổng mức bán lẻ quý trước", date(2019, 4, 10), ["quý I/2019"]),
    ("CPI tháng này", date(2022, 12, 15), ["tháng 12/2022"]),
    ("6 tháng đầu năm nay", date(2026, 7, 1), ["6 tháng đầu năm 2026"]),
    ("kim ngạch xuất khẩu 2018 và 2023", date(2026, 1, 1), ["năm 2018", "năm 2023"]),
    ("khách du lịch qua các năm 2016-2020", date(2026, 1, 1),
     ["năm 2016", "năm 2017", "năm 2018", "năm 2019", "năm 2020"]),
    ("CPI tháng 12 so với tháng trước", date(2022, 12, 30), ["tháng 12/2022"]),
    ("GRDP in the first half of 2026", date(2026, 8, 1), ["6 tháng đầu năm 2026"]),
    ("chỉ số sản xuất công nghiệp năm kia", date(2024, 3, 5), ["năm 2022"]),
    ("thu ngan sach nam kia", date(2021, 1, 10), ["năm 2019"]),
    ("kim ngạch quý II năm kia", date(2025, 9, 1), ["quý II/2023"]),
    ("exports two years ago", date(2020, 6, 1), ["năm 2018"]),
])
def test_question_periods_resolve_relative_time(question: str, today: date,
                                                labels: list[str]) -> None:
    assert [p.label for p in question_periods(question, today).periods] == labels


@pytest.mark.parametrize(("question", "measure", "target"), [
    ("tăng trưởng GRDP 2019", "change", False),
    ("GRDP 2019 tăng bao nhiêu", "change", False),
    ("kim ngạch xuất khẩu 2018 đạt bao nhiêu", "level", False),
    ("thu NSNN quý I/2024 đạt bao nhiêu % dự toán", "plan_share", False),
    ("mục tiêu kim ngạch XNK năm 2018", "level", True),
    ("nhóm giao thông tháng 12/2022 giảm bao nhiêu", "change", False),
])
def test_a_question_is_read_into_a_frame(question: str, measure: str, target: bool) -> None:
    asked = read_question(analyze(question), date(2026, 1, 1))
    assert (asked.measure, asked.target) == (measure, target)
