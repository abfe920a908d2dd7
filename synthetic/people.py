"""Name banks and organisations for the synthetic data generator (pure data, no I/O).

Invariants:

* Names are drawn from banks of common given names and family names of each origin and combined at
  random: nobody in the banks is a real person, and combinations that belong to well-known public
  figures are listed in ``FORBIDDEN_FULL_NAMES`` and never produced (the generator redraws).
  Family names of prominent politicians and athletes are deliberately not in the banks.
* Every language code is accepted by the ``language`` code list and every country code by the
  ``country`` code list (``tests/test_synthetic.py`` checks each bank entry).
* An origin's native language, other languages, interpretation language and citizenships agree
  with its names: an Arabic name never comes with a Vietnamese native language.
* Tuples, not sets or dicts iterated for choices: draws depend on the seed only, never on hash
  ordering.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Origin:
    """A name origin with the languages and citizenships that go with it."""

    key: str
    weight: int
    female: tuple[str, ...]
    male: tuple[str, ...]
    last: tuple[str, ...]
    native: tuple[str, ...]  # native language codes (first is most common)
    other: tuple[str, ...]  # other languages people of this origin often know
    citizenships: tuple[str, ...]  # ISO 3166 codes (first is most common)
    interpretation: float  # probability of needing an interpreter
    latin_script: bool  # does the native language use the Latin alphabet
    eu_citizen: bool = False  # registers a right of residence instead of getting a permit


# fmt: off
ORIGINS: tuple[Origin, ...] = (
    Origin(
        'ukrainian', 22,
        ('Olena', 'Iryna', 'Oksana', 'Tetiana', 'Kateryna', 'Nataliia', 'Yuliia', 'Svitlana', 'Halyna', 'Mariia', 'Anastasiia', 'Liudmyla'),
        ('Oleksandr', 'Andrii', 'Serhii', 'Dmytro', 'Mykola', 'Vasyl', 'Ivan', 'Bohdan', 'Yurii', 'Taras', 'Maksym', 'Oleh'),
        ('Kovalenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Oliinyk', 'Shevchuk', 'Melnychuk', 'Savchenko', 'Rudenko', 'Marchenko', 'Lysenko', 'Moroz', 'Hnatiuk', 'Pavliuk'),
        ('uk',), ('ru', 'en', 'pl'), ('UA',),
        0.6, False,
    ),
    Origin(
        'russian', 10,
        ('Anna', 'Elena', 'Olga', 'Natalia', 'Tatiana', 'Irina', 'Svetlana', 'Yulia', 'Ekaterina', 'Daria', 'Polina', 'Ksenia'),
        ('Alexei', 'Dmitri', 'Sergei', 'Andrei', 'Mikhail', 'Nikolai', 'Pavel', 'Roman', 'Artem', 'Konstantin', 'Ilya', 'Denis'),
        ('Smirnov', 'Kuznetsov', 'Popov', 'Sokolov', 'Lebedev', 'Kozlov', 'Novikov', 'Morozov', 'Volkov', 'Solovyov', 'Vasiliev', 'Zaitsev', 'Fedorov', 'Belov'),
        ('ru',), ('en', 'et', 'de'), ('RU', 'RU', 'RU', 'BY', 'KZ'),
        0.45, False,
    ),
    Origin(
        'arabic', 14,
        ('Amina', 'Fatima', 'Layla', 'Mariam', 'Noor', 'Huda', 'Rania', 'Salma', 'Zainab', 'Yasmin', 'Dalia', 'Rasha', 'Hanan'),
        ('Ahmad', 'Omar', 'Khalid', 'Yousef', 'Ali', 'Hassan', 'Mahmoud', 'Tariq', 'Samir', 'Bilal', 'Karim', 'Nabil', 'Walid'),
        ('Haddad', 'Al-Sayed', 'Khoury', 'Mansour', 'Nasser', 'Haidar', 'Al-Jabouri', 'Darwish', 'Saleh', 'Qasim', 'Hamdan', 'Al-Amiri', 'Shaker', 'Jaber'),
        ('ar',), ('en', 'tr', 'fr'), ('IQ', 'SY', 'IQ', 'SY', 'SD', 'PS', 'LB', 'JO'),
        0.7, False,
    ),
    Origin(
        'somali', 8,
        ('Hodan', 'Faadumo', 'Sahra', 'Ayaan', 'Hibo', 'Nimco', 'Deeqa', 'Ifrah', 'Maryan', 'Sagal', 'Idil', 'Khadra'),
        ('Abdirahman', 'Abdullahi', 'Mahad', 'Liban', 'Abdiweli', 'Ahmed', 'Guled', 'Yusuf', 'Hamse', 'Mustafe', 'Bashir', 'Said'),
        ('Warsame', 'Jama', 'Ismail', 'Abdi', 'Nur', 'Osman', 'Egal', 'Hirsi', 'Dahir', 'Aden', 'Mohamud', 'Hassan', 'Duale', 'Elmi'),
        ('so',), ('ar', 'en', 'sw'), ('SO',),
        0.6, True,
    ),
    Origin(
        'dari', 8,
        ('Mursal', 'Zahra', 'Freshta', 'Mahbooba', 'Parwana', 'Nilofar', 'Shabnam', 'Marzia', 'Zarghona', 'Habiba', 'Sadaf', 'Roya'),
        ('Ahmad', 'Hamid', 'Jawad', 'Mirwais', 'Farid', 'Sohail', 'Naveed', 'Rahim', 'Zabihullah', 'Qais', 'Sharif', 'Wahid'),
        ('Rahimi', 'Ahmadi', 'Hakimi', 'Sultani', 'Habibi', 'Noori', 'Rezaie', 'Amiri', 'Sadat', 'Mohammadi', 'Azizi', 'Jafari', 'Karimi', 'Hashimi'),
        ('prs', 'prs', 'prs', 'fa'), ('ps', 'en', 'ur'), ('AF', 'AF', 'AF', 'IR'),
        0.75, False,
    ),
    Origin(
        'kurdish', 6,
        ('Shilan', 'Roj', 'Berivan', 'Nazdar', 'Sozan', 'Dilan', 'Avin', 'Rojin', 'Hêvî', 'Gulistan', 'Zhino', 'Shirin'),
        ('Karwan', 'Rebwar', 'Dilshad', 'Azad', 'Hiwa', 'Shwan', 'Baran', 'Serwan', 'Hawre', 'Rêbaz', 'Diyar', 'Soran'),
        ('Abdullah', 'Rasul', 'Mahmud', 'Qadir', 'Salih', 'Aziz', 'Mustafa', 'Rahman', 'Faraj', 'Sharif', 'Barzinji', 'Hawrami', 'Kakayi', 'Hasan'),
        ('ckb', 'ckb', 'kmr'), ('ar', 'tr', 'fa', 'en'), ('IQ', 'IQ', 'SY', 'TR', 'IR'),
        0.65, False,
    ),
    Origin(
        'tigrinya', 4,
        ('Selam', 'Helen', 'Senait', 'Mebrat', 'Saba', 'Luwam', 'Yordanos', 'Hiwet', 'Feven', 'Ruta', 'Tsega', 'Winta'),
        ('Yonas', 'Dawit', 'Filmon', 'Samuel', 'Mehari', 'Tesfay', 'Kidane', 'Bereket', 'Habtom', 'Amanuel', 'Yohannes', 'Efrem'),
        ('Tesfamariam', 'Gebremedhin', 'Haile', 'Berhane', 'Tekle', 'Woldu', 'Gebreyesus', 'Abraha', 'Kahsay', 'Negash', 'Mehretab', 'Ghebremichael'),
        ('ti',), ('am', 'ar', 'en'), ('ER', 'ER', 'ET'),
        0.7, False,
    ),
    Origin(
        'vietnamese', 5,
        ('Lan', 'Huong', 'Thao', 'Mai', 'Linh', 'Trang', 'Ngoc', 'Hanh', 'Phuong', 'Yen', 'Thu', 'Hoa'),
        ('Minh', 'Tuan', 'Hung', 'Duc', 'Quang', 'Thanh', 'Long', 'Hieu', 'Khanh', 'Nam', 'Phuc', 'Son'),
        ('Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Dang', 'Bui', 'Do', 'Ngo', 'Duong', 'Ly'),
        ('vi',), ('en',), ('VN',),
        0.55, True,
    ),
    Origin(
        'thai', 4,
        ('Siriporn', 'Kanya', 'Ratana', 'Malai', 'Nittaya', 'Pornthip', 'Supaporn', 'Wanida', 'Chanida', 'Sunisa', 'Areerat', 'Duangjai'),
        ('Somchai', 'Anan', 'Kittisak', 'Prasert', 'Wichai', 'Niran', 'Sakda', 'Thanakorn', 'Chaiwat', 'Pongsak', 'Surasak', 'Kasem'),
        ('Srisuk', 'Chaiyaporn', 'Kongkaew', 'Rattanakorn', 'Saengthong', 'Boonmee', 'Wongsawat', 'Phromma', 'Sukjai', 'Thongdee', 'Intharasuk', 'Kaewmanee'),
        ('th',), ('en',), ('TH',),
        0.5, False,
    ),
    Origin(
        'spanish', 5,
        ('María', 'Lucía', 'Camila', 'Valentina', 'Daniela', 'Sofía', 'Gabriela', 'Paula', 'Andrea', 'Carolina', 'Isabel', 'Natalia'),
        ('Carlos', 'Javier', 'Andrés', 'Diego', 'Alejandro', 'Luis', 'Miguel', 'Sebastián', 'Mateo', 'Pablo', 'Jorge', 'Felipe'),
        ('García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Ramírez', 'Torres', 'Flores', 'Vargas', 'Castillo', 'Morales', 'Ortega'),
        ('es',), ('en', 'pt', 'fr'), ('CO', 'VE', 'ES', 'MX', 'PE', 'AR'),
        0.15, True,
    ),
    Origin(
        'english', 4,
        ('Emma', 'Olivia', 'Charlotte', 'Hannah', 'Grace', 'Lucy', 'Chloe', 'Megan', 'Rachel', 'Sarah', 'Ella', 'Abigail'),
        ('James', 'Thomas', 'Daniel', 'Matthew', 'Samuel', 'Ryan', 'Luke', 'Benjamin', 'Joseph', 'Callum', 'Nathan', 'Owen'),
        ('Thompson', 'Walker', 'Hughes', 'Clarke', 'Harrison', 'Bennett', 'Carter', 'Mitchell', 'Turner', 'Parker', 'Collins', 'Fletcher', 'Griffiths', 'Doyle'),
        ('en',), ('fr', 'es', 'de'), ('GB', 'US', 'IE', 'CA', 'AU'),
        0.0, True,
    ),
    Origin(
        'filipino', 3,
        ('Maricel', 'Jocelyn', 'Rowena', 'Analyn', 'Kristine', 'Mylene', 'Rhea', 'Jennelyn', 'Lorna', 'Cherry', 'Divina', 'Marites'),
        ('Jomar', 'Rodel', 'Arnel', 'Mark Anthony', 'Jerome', 'Ramil', 'Noel', 'Reynaldo', 'Dennis', 'Ariel', 'Jayson', 'Romeo'),
        ('Dela Cruz', 'Reyes', 'Bautista', 'Santos', 'Villanueva', 'Mendoza', 'Ramos', 'Aquino', 'Navarro', 'Castro', 'Salvador', 'Manalo'),
        ('tl',), ('en',), ('PH',),
        0.15, True,
    ),
    Origin(
        'nepali', 3,
        ('Sita', 'Gita', 'Sunita', 'Anjali', 'Sarita', 'Kabita', 'Pooja', 'Laxmi', 'Manisha', 'Sabina', 'Rekha', 'Bimala'),
        ('Ramesh', 'Bikash', 'Suman', 'Prakash', 'Dipendra', 'Nabin', 'Sandeep', 'Rajesh', 'Anil', 'Bishnu', 'Santosh', 'Hari'),
        ('Shrestha', 'Gurung', 'Tamang', 'Adhikari', 'Thapa', 'Rai', 'Magar', 'Bhandari', 'Karki', 'Poudel', 'Khadka', 'Bhattarai'),
        ('ne',), ('hi', 'en'), ('NP',),
        0.35, False,
    ),
    Origin(
        'estonian', 3,
        ('Kadri', 'Liis', 'Triin', 'Merike', 'Kristiina', 'Maarja', 'Piret', 'Katrin', 'Eveli', 'Signe', 'Helen', 'Tiina'),
        ('Tarmo', 'Margus', 'Priit', 'Jaanus', 'Rain', 'Indrek', 'Urmas', 'Siim', 'Kaupo', 'Madis', 'Tõnu', 'Andrus'),
        ('Tamm', 'Saar', 'Sepp', 'Mägi', 'Kask', 'Kukk', 'Rebane', 'Ilves', 'Pärn', 'Koppel', 'Lepik', 'Kallas'),
        ('et',), ('ru', 'en', 'fi'), ('EE',),
        0.05, True, eu_citizen=True,
    ),
)
# fmt: on

#: Full names of public figures that a random combination could recreate: never generated.
FORBIDDEN_FULL_NAMES: frozenset[str] = frozenset(
    {
        "Kaja Kallas",
        "Siim Kallas",
        "Toomas Hendrik Ilves",
        "Urmas Paet",
        "Ahmed Hassan",
        "Omar Hassan",
        "Ahmad Shah",
        "Hamid Karzai",
        "Ahmad Massoud",
        "Said Ismail",
        "Olena Zelenska",
        "Andrii Shevchenko",
        "Mariia Moroz",
        "Tran Le",
        "Maria Santos",
        "Ramil Salvador",
    }
)


@dataclass(frozen=True, slots=True)
class OfficialNames:
    """Given and family names of officials of one language group."""

    lang: str
    first: tuple[str, ...]
    last: tuple[str, ...]


# fmt: off
OFFICIAL_NAMES: dict[str, OfficialNames] = {
    'fi': OfficialNames(
        'fi',
        ('Aino', 'Katja', 'Minna', 'Tiina', 'Heli', 'Outi', 'Riikka', 'Anu', 'Elina', 'Laura', 'Satu', 'Päivi', 'Pekka', 'Juha', 'Mikko', 'Timo', 'Jarkko', 'Antti', 'Ville', 'Tuomas', 'Hanna', 'Noora'),
        ('Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen', 'Lehtonen', 'Lehtinen', 'Saarinen', 'Salminen', 'Heinonen', 'Kinnunen', 'Turunen', 'Ketola', 'Rantanen', 'Vesterinen'),
    ),
    'sv': OfficialNames(
        'sv',
        ('Johanna', 'Camilla', 'Ulrika', 'Malin', 'Sofia', 'Annika', 'Mikael', 'Henrik', 'Fredrik', 'Jonas', 'Patrik', 'Kristoffer', 'Linnea', 'Emilia'),
        ('Lindqvist', 'Holmström', 'Sjöberg', 'Nyberg', 'Björklund', 'Forsman', 'Lindholm', 'Grönroos', 'Ekström', 'Wikström', 'Strandberg', 'Åkerlund', 'Backman', 'Söderholm'),
    ),
    'en': OfficialNames(
        'en',
        ('Sara', 'Nadia', 'Daniel', 'Leila', 'Marco', 'Hiba', 'Adam', 'Yasmine', 'Kofi', 'Elif'),
        ('Okafor', 'Rahman', 'Novak', 'Haddadi', 'Costa', 'Mensah', 'Yilmaz', 'Petrova', 'Abdullahi', 'Lindgren'),
    ),
}

TITLES: dict[str, dict[str, tuple[str, ...]]] = {
    'municipality': {
        'fi': ('kotoutumisen ohjaaja', 'maahanmuuttokoordinaattori', 'palveluohjaaja', 'sosiaaliohjaaja', 'kotoutumiskoordinaattori', 'erityissuunnittelija'),
        'sv': ('integrationshandledare', 'invandrarkoordinator', 'servicehandledare', 'socialhandledare'),
        'en': ('integration counsellor', 'immigrant services coordinator', 'service coordinator'),
    },
    'wellbeing-services-county': {
        'fi': ('sosiaalityöntekijä', 'psykiatrinen sairaanhoitaja', 'terveydenhoitaja', 'kuntoutusohjaaja', 'palveluohjaaja'),
        'sv': ('socialarbetare', 'psykiatrisk sjukskötare', 'hälsovårdare', 'rehabiliteringshandledare'),
        'en': ('social worker', 'psychiatric nurse', 'rehabilitation counsellor'),
    },
}
# fmt: on


@dataclass(frozen=True, slots=True)
class Place:
    """A recording municipality the generator knows well: names, language and county."""

    code: str
    weight: int
    org_fi: str
    org_sv: str
    unit_fi: str
    unit_sv: str
    slug: str
    county: str  # wellbeing services county code ("90": Helsinki organises the services itself)
    swedish_share: float  # share of officials who write in Swedish
    neighbours: tuple[str, ...]  # other municipality codes customers may live in


#: Recording municipalities used when no organisation is given. Åland (Mariehamn, 478) is left out
#: on purpose: Åland has its own integration legislation and no wellbeing services county.
# fmt: off
PLACES: tuple[Place, ...] = (
    Place('091', 20, 'Helsingin kaupunki', 'Helsingfors stad', 'maahanmuuttajapalvelut', 'invandrartjänster', 'hel', '90', 0.08, ('049', '092', '245')),
    Place('049', 10, 'Espoon kaupunki', 'Esbo stad', 'kotoutumispalvelut', 'integrationstjänster', 'espoo', '03', 0.08, ('091', '092', '257')),
    Place('092', 10, 'Vantaan kaupunki', 'Vanda stad', 'maahanmuuttajapalvelut', 'invandrartjänster', 'vantaa', '04', 0.04, ('091', '245', '186')),
    Place('837', 8, 'Tampereen kaupunki', 'Tammerfors stad', 'kotoutumispalvelut', 'integrationstjänster', 'tampere', '08', 0.0, ('536', '980', '604')),
    Place('853', 8, 'Turun kaupunki', 'Åbo stad', 'maahanmuuttajapalvelut', 'invandrartjänster', 'turku', '05', 0.1, ('202', '529', '680')),
    Place('564', 5, 'Oulun kaupunki', 'Uleåborgs stad', 'kotoutumispalvelut', 'integrationstjänster', 'oulu', '19', 0.0, ('425', '244')),
    Place('905', 5, 'Vaasan kaupunki', 'Vasa stad', 'maahanmuuttajapalvelut', 'invandrartjänster', 'vaasa', '17', 0.45, ('499', '893', '946')),
    Place('638', 3, 'Porvoon kaupunki', 'Borgå stad', 'kotoutumispalvelut', 'integrationstjänster', 'porvoo', '01', 0.4, ('753', '434')),
    Place('710', 2, 'Raaseporin kaupunki', 'Raseborgs stad', 'kotoutumispalvelut', 'integrationstjänster', 'raasepori', '03', 0.7, ('078', '149')),
    Place('598', 2, 'Pietarsaaren kaupunki', 'Jakobstads stad', 'maahanmuuttajapalvelut', 'invandrartjänster', 'pietarsaari', '17', 0.65, ('599', '440')),
    Place('545', 1, 'Närpiön kaupunki', 'Närpes stad', 'kotoutumispalvelut', 'integrationstjänster', 'narpio', '17', 0.85, ('287', '475')),
    Place('179', 4, 'Jyväskylän kaupunki', 'Jyväskylä stad', 'kotoutumispalvelut', 'integrationstjänster', 'jyvaskyla', '15', 0.0, ('410', '500')),
    Place('297', 3, 'Kuopion kaupunki', 'Kuopio stad', 'maahanmuuttajapalvelut', 'invandrartjänster', 'kuopio', '13', 0.0, ('749', '686')),
    Place('398', 3, 'Lahden kaupunki', 'Lahtis stad', 'kotoutumispalvelut', 'integrationstjänster', 'lahti', '09', 0.0, ('098', '560')),
    Place('405', 2, 'Lappeenrannan kaupunki', 'Villmanstrands stad', 'maahanmuuttajapalvelut', 'invandrartjänster', 'lappeenranta', '11', 0.0, ('153', '831')),
    Place('167', 2, 'Joensuun kaupunki', 'Joensuu stad', 'kotoutumispalvelut', 'integrationstjänster', 'joensuu', '14', 0.0, ('260', '276')),
    Place('609', 2, 'Porin kaupunki', 'Björneborgs stad', 'kotoutumispalvelut', 'integrationstjänster', 'pori', '06', 0.0, ('886', '531')),
    Place('286', 2, 'Kouvolan kaupunki', 'Kouvola stad', 'maahanmuuttajapalvelut', 'invandrartjänster', 'kouvola', '10', 0.0, ('285', '489')),
    Place('109', 2, 'Hämeenlinnan kaupunki', 'Tavastehus stad', 'kotoutumispalvelut', 'integrationstjänster', 'hameenlinna', '07', 0.0, ('165', '433')),
)
# fmt: on

#: Wellbeing services county of municipalities outside ``PLACES`` whose county the generator
#: needs (customers of a given organisation; multisectoral plans). Missing: no county reviews.
# fmt: off
COUNTY_OF: dict[str, str] = {p.code: p.county for p in PLACES} | {
    '245': '04', '186': '02', '257': '03', '106': '02', '753': '01', '434': '01', '536': '08', '980': '08',
    '604': '08', '202': '05', '529': '05', '680': '05', '734': '05', '425': '19', '244': '19', '499': '17',
    '893': '17', '946': '17', '287': '17', '475': '17', '599': '17', '440': '17', '743': '16', '491': '12',
    '740': '12', '205': '20', '698': '21', '272': '18', '285': '10', '489': '10', '153': '11', '831': '11',
    '410': '15', '500': '15', '749': '13', '686': '13', '098': '09', '560': '09', '260': '14', '276': '14',
    '886': '06', '531': '06', '165': '07', '433': '07', '078': '03', '149': '03',
}
# fmt: on
