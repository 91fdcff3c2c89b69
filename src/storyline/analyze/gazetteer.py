"""General world knowledge for canonical names: capitals and seats of government
used as metonyms for their state, common country aliases and demonyms, news
agencies, and person titles. Nothing here is specific to one story; entries are
the kind an analyst expects any news tool to know.
"""

from __future__ import annotations

# A capital (or seat of government) in a news sentence usually stands for the
# government: "Pyongyang denied", "the Kremlin said", "Washington warned".
# Brussels is left out on purpose: in news it mostly stands for the EU, not Belgium.
CAPITALS: dict[str, str] = {
    "Abu Dhabi": "United Arab Emirates", "Abuja": "Nigeria", "Addis Ababa": "Ethiopia",
    "Ankara": "Turkey", "Athens": "Greece", "Baghdad": "Iraq", "Baku": "Azerbaijan",
    "Bangkok": "Thailand", "Beijing": "China", "Beirut": "Lebanon", "Belgrade": "Serbia",
    "Berlin": "Germany", "Bern": "Switzerland", "Bogota": "Colombia", "Brasilia": "Brazil",
    "Bucharest": "Romania", "Budapest": "Hungary", "Buenos Aires": "Argentina",
    "Cairo": "Egypt", "Canberra": "Australia", "Caracas": "Venezuela", "Chisinau": "Moldova",
    "Copenhagen": "Denmark", "Damascus": "Syria", "Dhaka": "Bangladesh", "Doha": "Qatar",
    "Dublin": "Ireland", "Hanoi": "Vietnam", "Havana": "Cuba", "Helsinki": "Finland",
    "Islamabad": "Pakistan", "Jakarta": "Indonesia", "Kabul": "Afghanistan",
    "Khartoum": "Sudan", "Kiev": "Ukraine", "Kinshasa": "Democratic Republic of the Congo",
    "Kyiv": "Ukraine", "Lisbon": "Portugal", "London": "United Kingdom", "Madrid": "Spain",
    "Manila": "Philippines", "Mexico City": "Mexico", "Minsk": "Belarus", "Moscow": "Russia",
    "Nairobi": "Kenya", "New Delhi": "India", "Oslo": "Norway", "Ottawa": "Canada",
    "Paris": "France", "Pretoria": "South Africa", "Pyongyang": "North Korea",
    "Rabat": "Morocco", "Riga": "Latvia", "Riyadh": "Saudi Arabia", "Rome": "Italy",
    "Santiago": "Chile", "Seoul": "South Korea", "Stockholm": "Sweden", "Taipei": "Taiwan",
    "Tallinn": "Estonia", "Tbilisi": "Georgia", "Tehran": "Iran", "Tel Aviv": "Israel",
    "Jerusalem": "Israel", "Tokyo": "Japan", "Tripoli": "Libya", "Vienna": "Austria",
    "Vilnius": "Lithuania", "Warsaw": "Poland", "Washington": "United States",
    "Wellington": "New Zealand", "Yerevan": "Armenia",
    "Amsterdam": "Netherlands", "Prague": "Czech Republic", "Bratislava": "Slovakia",
    "Sofia": "Bulgaria", "Zagreb": "Croatia", "Ljubljana": "Slovenia", "Lima": "Peru",
    "Quito": "Ecuador", "Naypyidaw": "Myanmar", "Ulaanbaatar": "Mongolia",
    "Tashkent": "Uzbekistan", "Astana": "Kazakhstan", "Muscat": "Oman", "Amman": "Jordan",
    "Sanaa": "Yemen", "Kuwait City": "Kuwait", "Manama": "Bahrain", "Accra": "Ghana",
    "Dakar": "Senegal", "Kampala": "Uganda", "Kigali": "Rwanda", "Harare": "Zimbabwe",
}

# Seats of government named as if they spoke.
SEATS: dict[str, str] = {
    "Kremlin": "Russia", "White House": "United States", "Pentagon": "United States",
    "Downing Street": "United Kingdom", "Whitehall": "United Kingdom", "Elysee": "France",
    "Élysée": "France", "Elysee Palace": "France", "Zhongnanhai": "China",
    "Blue House": "South Korea", "Yongsan": "South Korea", "Bankova": "Ukraine",
    "Quai d'Orsay": "France", "Knesset": "Israel", "Capitol Hill": "United States",
    "State Department": "United States", "Foggy Bottom": "United States",
}

ALIASES: dict[str, str] = {
    "U.S.": "United States", "US": "United States", "USA": "United States",
    "U.S.A.": "United States", "United States of America": "United States",
    "America": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom",
    "Britain": "United Kingdom", "Great Britain": "United Kingdom",
    "UN": "United Nations", "U.N.": "United Nations", "EU": "European Union",
    "E.U.": "European Union", "DPRK": "North Korea", "D.P.R.K.": "North Korea",
    "ROK": "South Korea", "Republic of Korea": "South Korea", "PRC": "China",
    "People's Republic of China": "China", "Russian Federation": "Russia",
    "UAE": "United Arab Emirates", "Holland": "Netherlands",
}

DEMONYMS: dict[str, str] = {
    "American": "United States", "Americans": "United States", "British": "United Kingdom",
    "Chinese": "China", "French": "France", "German": "Germany", "Germans": "Germany",
    "Iranian": "Iran", "Iranians": "Iran", "Iraqi": "Iraq", "Israeli": "Israel",
    "Israelis": "Israel", "Italian": "Italy", "Japanese": "Japan", "North Korean": "North Korea",
    "North Koreans": "North Korea", "South Korean": "South Korea", "South Koreans": "South Korea",
    "Korean": "Korea", "Palestinian": "Palestine", "Palestinians": "Palestine",
    "Russian": "Russia", "Russians": "Russia", "Soviet": "Soviet Union", "Syrian": "Syria",
    "Turkish": "Turkey", "Ukrainian": "Ukraine", "Ukrainians": "Ukraine", "Indian": "India",
    "Pakistani": "Pakistan", "Afghan": "Afghanistan", "Saudi": "Saudi Arabia",
    "Egyptian": "Egypt", "Polish": "Poland", "Canadian": "Canada", "Mexican": "Mexico",
    "Brazilian": "Brazil", "Spanish": "Spain", "Dutch": "Netherlands", "Belarusian": "Belarus",
    "Georgian": "Georgia", "Taiwanese": "Taiwan", "Venezuelan": "Venezuela",
    "Lebanese": "Lebanon", "Yemeni": "Yemen", "Sudanese": "Sudan", "Nigerian": "Nigeria",
    "Kenyan": "Kenya", "Ethiopian": "Ethiopia", "Australian": "Australia",
}

# News agencies and broadcasters routinely quoted as sources ("Reuters reported").
MEDIA: frozenset[str] = frozenset({
    "Reuters", "AP", "Associated Press", "AFP", "Agence France-Presse", "Bloomberg",
    "Yonhap", "Kyodo", "Xinhua", "TASS", "RIA Novosti", "Interfax", "KCNA",
    "Korean Central News Agency", "Anadolu", "ANSA", "EFE", "dpa", "PTI", "Bernama",
    "Ukrinform", "UNIAN", "IRNA", "Fars", "Tasnim", "WAFA", "Al Jazeera", "BBC", "CNN",
    "Fox News", "NBC", "CBS", "ABC", "NHK", "CCTV", "RT", "Sputnik", "NPR", "Politico",
    "Axios", "The New York Times", "The Washington Post", "The Wall Street Journal",
    "The Guardian", "Financial Times", "The Times", "Le Monde", "Der Spiegel", "Newsweek",
    "The Moscow Times", "Kyiv Independent", "Meduza", "Haaretz", "Nikkei", "Global Times",
    "Rodong Sinmun", "Channel News Asia", "South China Morning Post", "Telegraph",
})

# Words whose presence makes an organization a media organization.
MEDIA_WORDS: frozenset[str] = frozenset({
    "news", "times", "post", "tribune", "herald", "journal", "gazette",
    "television", "tv", "radio", "broadcaster", "broadcasting", "media", "press",
    "newspaper", "daily", "telegraph", "chronicle", "wire",
})

# Words that make an organization part of a state.
GOVERNMENT_WORDS: frozenset[str] = frozenset({
    "ministry", "ministries", "government", "cabinet", "office", "presidency", "parliament",
    "congress", "senate", "military", "army", "navy", "air force", "police", "council",
    "department", "embassy", "consulate", "kremlin", "intelligence", "service",
    "commission", "court", "prosecutor", "prosecutors", "assembly", "forces", "guard",
    "administration", "state", "agency",
})

# Titles written before a name; stripped from canonical person names.
TITLES: frozenset[str] = frozenset({
    "president", "vice", "prime", "minister", "secretary", "general", "gen.", "gen",
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen.", "senator", "rep.",
    "representative", "gov.", "governor", "ambassador", "chancellor", "king", "queen",
    "prince", "princess", "pope", "mayor", "spokesperson", "spokesman", "spokeswoman",
    "chairman", "chairwoman", "chair", "ceo", "commander", "colonel", "col.", "lt.",
    "captain", "capt.", "judge", "justice", "foreign", "defense", "defence", "premier",
    "supreme", "leader", "director", "chief", "deputy", "sir", "lord", "lady", "dame",
    "professor", "prof.", "sheikh", "emir", "crown", "former", "acting", "envoy",
})
