"""URL host -> outlet name: a table of well-known outlets and a readable fallback.

The fallback turns a host into words: ``koreaherald.com`` -> "Korea Herald",
``thedailyrecord.co.uk`` -> "The Daily Record". It splits a leading "the"
and the usual news-name words ("times", "post", "herald" ...) off the
registered name, so most outlets missing from the table still read right.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# "Site - Section", "Site | Tagline", "Site: Top stories": the site is the first part.
_SITE_NAME_TAIL = re.compile(r"\s+[-|–—:»]\s+")

# Hosts whose names the fallback would spell wrongly (acronyms, brand spellings).
OUTLETS: dict[str, str] = {
    "apnews.com": "Associated Press",
    "ap.org": "Associated Press",
    "reuters.com": "Reuters",
    "afp.com": "AFP",
    "bbc.com": "BBC News",
    "bbc.co.uk": "BBC News",
    "cnn.com": "CNN",
    "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News",
    "abcnews.go.com": "ABC News",
    "foxnews.com": "Fox News",
    "npr.org": "NPR",
    "nytimes.com": "The New York Times",
    "wsj.com": "The Wall Street Journal",
    "washingtonpost.com": "The Washington Post",
    "latimes.com": "Los Angeles Times",
    "usatoday.com": "USA Today",
    "theguardian.com": "The Guardian",
    "ft.com": "Financial Times",
    "economist.com": "The Economist",
    "bloomberg.com": "Bloomberg",
    "politico.com": "Politico",
    "politico.eu": "Politico Europe",
    "axios.com": "Axios",
    "thehill.com": "The Hill",
    "aljazeera.com": "Al Jazeera",
    "dw.com": "Deutsche Welle",
    "france24.com": "France 24",
    "euronews.com": "Euronews",
    "rferl.org": "Radio Free Europe/Radio Liberty",
    "voanews.com": "Voice of America",
    "kyivindependent.com": "The Kyiv Independent",
    "kyivpost.com": "Kyiv Post",
    "tass.com": "TASS",
    "tass.ru": "TASS",
    "ria.ru": "RIA Novosti",
    "rt.com": "RT",
    "meduza.io": "Meduza",
    "en.yna.co.kr": "Yonhap",
    "yna.co.kr": "Yonhap",
    "kcna.kp": "KCNA",
    "nknews.org": "NK News",
    "scmp.com": "South China Morning Post",
    "xinhuanet.com": "Xinhua",
    "news.cn": "Xinhua",
    "globaltimes.cn": "Global Times",
    "japantimes.co.jp": "The Japan Times",
    "nhk.or.jp": "NHK",
    "asahi.com": "The Asahi Shimbun",
    "hindustantimes.com": "Hindustan Times",
    "thehindu.com": "The Hindu",
    "ndtv.com": "NDTV",
    "abc.net.au": "ABC News (Australia)",
    "cbc.ca": "CBC News",
    "theglobeandmail.com": "The Globe and Mail",
    "lemonde.fr": "Le Monde",
    "spiegel.de": "Der Spiegel",
    "elpais.com": "El País",
    "cnbc.com": "CNBC",
    "cbssports.com": "CBS Sports",
    "espn.com": "ESPN",
    "techcrunch.com": "TechCrunch",
    "venturebeat.com": "VentureBeat",
    "theverge.com": "The Verge",
    "wired.com": "Wired",
    "vox.com": "Vox",
    "ign.com": "IGN",
    "macrumors.com": "MacRumors",
    "huffpost.com": "HuffPost",
    "buzzfeednews.com": "BuzzFeed News",
    "news.sky.com": "Sky News",
    "independent.co.uk": "The Independent",
    "telegraph.co.uk": "The Telegraph",
    "dailymail.co.uk": "Daily Mail",
    "thetimes.co.uk": "The Times",
    "newsweek.com": "Newsweek",
    "newyorker.com": "The New Yorker",
    "nypost.com": "New York Post",
}

# Registered-name endings that are separate words in outlet names, longest first.
_SUFFIXES = (
    "independent", "chronicle", "telegraph", "observer", "guardian", "journal",
    "herald", "tribune", "ledger", "gazette", "express", "courier", "monitor", "insider",
    "reporter", "review",
    "today", "times", "post", "news", "daily", "mail", "star", "sun", "wire", "weekly",
    "record", "press", "report", "bulletin", "dispatch", "examiner", "leader", "mirror",
    "standard", "sentinel", "register", "inquirer", "online", "world", "voice",
    "network", "media", "radio", "tv",
)  # fmt: skip
_PREFIXES = ("the", "daily")
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "or", "ne", "go", "edu"}
_SUBDOMAINS = {"www", "www2", "m", "mobile", "amp", "en", "english", "edition", "news", "eu"}


def host_of(url: str | None) -> str | None:
    """The lower-case host of a URL, without a leading ``www.``; None when it has none."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host or "." not in host or host.replace(".", "").isdigit():
        return None  # a bare name or an IP address names no outlet
    return host.removeprefix("www.")


def outlet_for_url(url: str | None, *, site_name: str | None = None) -> str | None:
    """The outlet that publishes at ``url``.

    The table first, then the name the site gives itself (``og:site_name``, a
    feed title: "The Riverside Ledger - News" -> "The Riverside Ledger"), then
    the host spelled out.
    """
    known = known_outlet(url)
    if known:
        return known
    if site_name and site_name.strip():
        return _SITE_NAME_TAIL.split(site_name.strip(), maxsplit=1)[0].strip() or None
    host = host_of(url)
    return _spell(_registered_label(host.split("."))) if host else None


def known_outlet(url: str | None) -> str | None:
    """The outlet of ``url``'s host (or a parent domain) in the table, else None."""
    host = host_of(url)
    if host is None:
        return None
    labels = host.split(".")
    for start in range(len(labels) - 1):
        name = OUTLETS.get(".".join(labels[start:]))
        if name:
            return name
    return None


def _registered_label(labels: list[str]) -> str:
    labels = [label for label in labels if label not in _SUBDOMAINS] or labels
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


def _spell(label: str) -> str:
    """``themoscowtimes`` -> "The Moscow Times", ``the-daily-star`` -> "The Daily Star"."""
    if "-" in label:
        return " ".join(_cap(part) for part in label.split("-") if part)
    words: list[str] = []
    tail: list[str] = []
    for prefix in _PREFIXES:
        if label.startswith(prefix) and len(label) > len(prefix) + 2:
            words.append(prefix)
            label = label[len(prefix) :]
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            if label.endswith(suffix) and len(label) > len(suffix) + 1:
                tail.insert(0, suffix)
                label = label[: -len(suffix)]
                changed = True
                break
    words.append(label)
    return " ".join(_cap(word) for word in words + tail)


def _cap(word: str) -> str:
    return word.upper() if word in ("tv", "bbc", "abc") else word.capitalize()
