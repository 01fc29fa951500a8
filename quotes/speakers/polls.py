"""Poll respondents: a speaker that is a share of the people a poll asked ("64 percent
said", "half of GOP primary voters say", "six in 10 say") in an article that reports a poll.
They are the poll's findings, not the article's sources: their records get no anonymity
class, so the anonymous-sourcing audit does not count them as unnamed sources."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import word_list

POLL_RESPONDENTS = "poll respondents"

# "six in 10", "nine of 10 voters", "4 in 10", "one out of five"
_N_IN_M = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|of|out of)\s+"
                     r"(?:10|ten|five|four|three)\b", re.I)
_LEAD = re.compile(r"^(?:(?:about|nearly|almost|roughly|around|some|just|only|fully|more than|"
                   r"less than|fewer than|over|under|a|an|the|another|a full|a slim|a clear|"
                   r"average of)\s+)*", re.I)


@lru_cache(maxsize=None)
def _share_words() -> frozenset[str]:
    return word_list("poll_shares.txt")


def is_share(text: str) -> bool:
    """Whether a speaker phrase is a share of people: it opens with a percentage, a fraction
    or "N in 10" ("Seventy-four percent of Democratic registered voters", "half", "a
    majority of voters", "Nearly eight of 10 voters")."""
    rest = _LEAD.sub("", text.strip())
    if _N_IN_M.match(rest):
        return True
    words = rest.lower().replace("%", " % ").split()
    shares = _share_words()
    if words and (words[0] in shares or words[0].rsplit("-", 1)[-1] in shares):
        after = words[1:]               # "half", "two-thirds of Democrats", "one-third"
    elif len(words) > 1 and words[1] in shares:
        after = words[2:]               # "64 percent", "Seventy-four percent", "51 %"
    else:
        return False
    # "a majority of voters", "half who", not "Majority Leader Mitch McConnell"
    return not after or after[0] in ("of", "who", "among", "in")


@lru_cache(maxsize=8)
def reports_a_poll(text: str) -> bool:
    """Whether an article's text speaks of a poll or survey (once per article)."""
    return bool(_survey_pattern().search(text))


@lru_cache(maxsize=None)
def _survey_pattern() -> re.Pattern[str]:
    words = sorted(word_list("survey_words.txt"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
