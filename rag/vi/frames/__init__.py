"""Figure frames: what each figure of a report is -- its value, unit, measure, indicator,
basis, period -- read once from every sentence and table row of a document.

A frame is read from the words around its value and, for what the sentence leaves out, from
its context: the figure before it in the same clause (", tăng 33,4% so với cùng kỳ" is a
change of the same indicator), the total it is a part of ("trong đó xuất khẩu 769 triệu USD"),
the sentence, the paragraph, the heading, the document's lead period ("Ba tháng đầu năm
2018, ...") and its date.  ``Frame.period_from`` says which.

Measures: ``level`` (đạt 769 triệu USD), ``change`` (tăng 33,4%; giảm 0,74%; a growth rate:
"tốc độ tăng trưởng ... đạt 6,8%"), ``plan_share`` (đạt 29,6% kế hoạch; bằng 66,8% dự toán),
``share`` (chiếm 77,3%), ``rank`` (xếp thứ 4/14), ``index`` (108,71 with "năm trước = 100";
"bằng 99,1% so với cùng kỳ").  A figure written after "kế hoạch", "mục tiêu", "chỉ tiêu", "dự
toán", "phấn đấu" is a ``target``, never an actual; "ước", "ước đạt" mark an ``estimate``.
"""

from rag.vi.frames.document import extract
from rag.vi.frames.frame import FRAMES_VERSION, Frame

__all__ = ["FRAMES_VERSION", "Frame", "extract"]
