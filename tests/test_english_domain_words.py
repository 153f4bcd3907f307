"""English figure questions about the Department's sections beyond trade -- taxes and the
budget, holidays and their visitors, fairs, industrial clusters and parks, hotels -- read
into the reports' Vietnamese; a phrase whose sense depends on its noun ("occupancy rate" of a
cluster or of a hotel); a holiday named by its days; an event's edition named by its year
before it (break-tests bt20-b17 failure 11, bt21-b17 failure 10, dev3 r18).  The wordings,
places and years here are not those of the break-tests."""
from datetime import date

from rag.answer.figures import edition_asked
from rag.search.query import english_sense, english_terms, unread_english
from rag.vi.asked import question_periods


def test_occupancy_of_a_park_is_the_land_let():
    terms = english_terms("What was the average occupancy rate of the industrial parks in 2051?")
    assert "tỷ lệ lấp đầy" in terms
    assert "công suất sử dụng phòng" not in terms


def test_occupancy_of_hotels_is_the_rooms_taken():
    terms = english_terms("What was hotel occupancy during Tet 2052?")
    assert "công suất sử dụng phòng" in terms
    assert "tỷ lệ lấp đầy" not in terms
    assert english_sense("occupancy rate", "room occupancy rate over the holidays") == \
        "công suất sử dụng phòng"


def test_visitors_of_a_fair_are_its_sightseers_elsewhere_tourists():
    assert "bao nhiêu lượt khách tham quan" in english_terms(
        "How many visitors did the Lao Cai expo draw in 2049?")
    terms = english_terms("How many visitors came to Ha Giang in March 2049?")
    assert "bao nhiêu lượt khách du lịch" in terms
    assert not any("tham quan" in t for t in terms)


def test_domain_words_are_read():
    for q in ("How much tax did Son Ha collect in the first half of 2058?",
              "Which industrial cluster had the lowest fill rate at the end of 2058?",
              "How many guests did the province's hotels welcome during the National Day "
              "holiday in 2058?",
              "How many people attended the 2058 trade fair?"):
        assert unread_english(q, ("Son Ha",)) == [], q
    assert "thu ngân sách" in english_terms("What was tax revenue in Q2 2058?")
    assert "dịp lễ" in english_terms("tourism revenue during the holiday")


def test_a_holiday_named_by_its_days_asks_its_year():
    # the holiday's days of that year, as "dịp 2/9" (session 45, bt17r: read as the whole
    # year, "the 2 September holiday" was served the 30/4 break's figure; never the day alone)
    asked = question_periods("How many tourists came during the 2 September 2061 holiday?",
                             date(2061, 12, 1))
    assert [p.label for p in asked.periods] == ["dịp 2/9/2061"]
    asked = question_periods("tourism revenue over the April 30 - May 1 holidays in 2063",
                             date(2063, 12, 1))
    assert [p.label for p in asked.periods] == ["dịp 30/4 - 1/5/2063"]
    # a day named with no holiday after it is still that day
    asked = question_periods("How many trucks crossed on 2 September 2061?", date(2061, 12, 1))
    assert [p.label for p in asked.periods] == ["ngày 2/9/2061"]


def test_an_event_named_by_its_year_first_is_that_edition():
    assert edition_asked("What was the revenue of the 2066 Mong Cai expo?")
    assert edition_asked("How many booths did the 2067 Central Highlands OCOP festival have?")
    assert not edition_asked("How many fairs were held in 2066?")
    assert not edition_asked("What were the 2066 exports of the province?")
