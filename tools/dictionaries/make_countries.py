#!/usr/bin/env python3
"""Writes data/dictionaries/actors/countries.txt, storyline's country actors.

Usage (from the repository root):
    python3 tools/dictionaries/make_countries.py [ISO_JSON] > data/dictionaries/actors/countries.txt

ISO_JSON defaults to Debian's iso-codes file
/usr/share/iso-codes/json/iso_3166-1.json (package "iso-codes"), which gives
every country's and territory's alpha-3 code with its short, common and
official names. Everything else below (short forms, the words for a country's
people, capitals, regions) was written for storyline by hand.

The output is committed; this script documents how it was made. Re-run it
when iso-codes gains or renames a country, then review the diff.

Matching in storyline is case-blind and word-by-word, so a name that is also
an everyday English word would code ordinary text as a country. Such names are
left out on purpose (see SKIPPED_NAMES and the notes in TABLE): "US" (the
pronoun "us"), "UK" is harmless but left out with "US" for symmetry, "Jersey"
(the garment; "Bailiwick of Jersey" is kept), ASCII "Reunion" (the word;
"Réunion" with its accent is kept), "Male" (the Maldives' capital), capitals
that are common first names or other cities' names (Victoria, Sofia,
Hamilton, Georgetown, San Jose, Kingston is kept for Jamaica).
"""
import json
import sys

# One line per country: CODE; extra names; words for its people (adjective,
# singular and plural nouns); capitals used as metonyms for the government.
# Items are separated by commas; an empty field means none.
TABLE = """
ABW; ; Aruban, Arubans; Oranjestad
AFG; ; Afghan, Afghans; Kabul
AGO; ; Angolan, Angolans; Luanda
AIA; ; Anguillan, Anguillans;
ALA; Aland Islands, Aland; Alander, Alanders; Mariehamn
ALB; ; Albanian, Albanians; Tirana, Tirane
AND; ; Andorran, Andorrans; Andorra la Vella
ARE; UAE, U.A.E., Emirates; Emirati, Emiratis; Abu Dhabi
ARG; ; Argentine, Argentines, Argentinian, Argentinians; Buenos Aires
ARM; ; Armenian, Armenians; Yerevan
ASM; ; American Samoan, American Samoans; Pago Pago
ATA; ; ;
ATF; French Southern and Antarctic Lands; ;
ATG; Antigua; Antiguan, Antiguans;
AUS; Commonwealth of Australia; Australian, Australians; Canberra
AUT; ; Austrian, Austrians; Vienna
AZE; ; Azerbaijani, Azerbaijanis, Azeri, Azeris; Baku
BDI; ; Burundian, Burundians; Gitega
BEL; ; Belgian, Belgians;
BEN; ; Beninese; Porto-Novo, Porto Novo
BES; Bonaire, Caribbean Netherlands, Sint Eustatius; ; Kralendijk
BFA; ; Burkinabe, Burkinabè; Ouagadougou
BGD; ; Bangladeshi, Bangladeshis; Dhaka, Dacca
BGR; ; Bulgarian, Bulgarians;
BHR; ; Bahraini, Bahrainis; Manama
BHS; The Bahamas; Bahamian, Bahamians; Nassau
BIH; Bosnia, Bosnia-Herzegovina, Bosnia-Hercegovina; Bosnian, Bosnians; Sarajevo
BLM; Saint Barthelemy, St. Barthelemy, St. Barts, St Barts, Saint-Barthélemy; ; Gustavia
BLR; Belorussia, Byelorussia; Belarusian, Belarusians, Belarussian, Belarussians; Minsk
BLZ; ; Belizean, Belizeans; Belmopan
BMU; ; Bermudian, Bermudians;
BOL; ; Bolivian, Bolivians; La Paz, Sucre
BRA; ; Brazilian, Brazilians; Brasilia, Brasília
BRB; ; Barbadian, Barbadians; Bridgetown
BRN; Brunei; Bruneian, Bruneians; Bandar Seri Begawan
BTN; ; Bhutanese; Thimphu
BVT; ; ;
BWA; ; Motswana, Batswana; Gaborone
CAF; ; Central African, Central Africans; Bangui
CAN; ; Canadian, Canadians; Ottawa
CCK; Cocos Islands, Keeling Islands, Cocos Keeling Islands; ;
CHE; Switzerland; Swiss; Bern, Berne
CHL; ; Chilean, Chileans; Santiago
CHN; People's Republic of China, PRC, P.R.C., mainland China; Chinese; Beijing, Peking
CIV; Cote d'Ivoire, Ivory Coast, Republic of Cote d'Ivoire; Ivorian, Ivorians; Yamoussoukro, Abidjan
CMR; ; Cameroonian, Cameroonians; Yaounde, Yaoundé
COD; Democratic Republic of the Congo, Democratic Republic of Congo, DR Congo, D.R. Congo, DRC, D.R.C., Congo-Kinshasa, Congo; Congolese; Kinshasa
COG; Republic of Congo, Congo Republic, Congo-Brazzaville; ; Brazzaville
COK; ; Cook Islander, Cook Islanders; Avarua
COL; ; Colombian, Colombians; Bogota, Bogotá
COM; Comoros; Comoran, Comorans, Comorian, Comorians; Moroni
CPV; Cape Verde; Cape Verdean, Cape Verdeans; Praia
CRI; ; Costa Rican, Costa Ricans;
CUB; ; Cuban, Cubans; Havana
CUW; Curacao; ;
CXR; ; ; Flying Fish Cove
CYM; Cayman Islands, Caymans; Caymanian, Caymanians;
CYP; ; Cypriot, Cypriots, Greek Cypriot, Greek Cypriots; Nicosia
CZE; Czech Republic; Czech, Czechs; Prague
DEU; West Germany, East Germany; German, Germans, West German, East German; Berlin
DJI; ; Djiboutian, Djiboutians;
DMA; Commonwealth of Dominica; ; Roseau
DNK; ; Danish, Dane, Danes; Copenhagen
DOM; ; Dominican, Dominicans; Santo Domingo
DZA; ; Algerian, Algerians; Algiers
ECU; ; Ecuadorian, Ecuadorians, Ecuadoran, Ecuadorans; Quito
EGY; ; Egyptian, Egyptians; Cairo
ERI; State of Eritrea; Eritrean, Eritreans; Asmara
ESH; ; Sahrawi, Sahrawis, Saharawi, Saharawis;
ESP; ; Spanish, Spaniard, Spaniards; Madrid
EST; ; Estonian, Estonians; Tallinn
ETH; ; Ethiopian, Ethiopians; Addis Ababa
FIN; ; Finnish, Finns; Helsinki
FJI; ; Fijian, Fijians; Suva
FLK; Falklands, Malvinas, Islas Malvinas, Malvinas Islands; Falkland Islander, Falkland Islanders;
FRA; ; French, Frenchman, Frenchmen, Frenchwoman, Frenchwomen; Paris
FRO; Faroes, Faeroe Islands, Faeroes; Faroese; Torshavn, Tórshavn
FSM; Micronesia; Micronesian, Micronesians; Palikir
GAB; ; Gabonese; Libreville
GBR; Britain, Great Britain, U.K., England, Scotland, Wales, Northern Ireland; British, Briton, Britons, Brit, Brits, Englishman, Englishmen, Scottish, Scot, Scots, Welsh, Northern Irish; London
GEO; ; Georgian, Georgians; Tbilisi
GGY; Guernsey, Bailiwick of Guernsey; ;
GHA; ; Ghanaian, Ghanaians; Accra
GIB; ; Gibraltarian, Gibraltarians;
GIN; Guinea-Conakry; Guinean, Guineans; Conakry
GLP; ; ; Basse-Terre
GMB; The Gambia; Gambian, Gambians; Banjul
GNB; Guinea Bissau; Bissau-Guinean, Bissau-Guineans; Bissau
GNQ; ; Equatorial Guinean, Equatorial Guineans, Equatoguinean, Equatoguineans; Malabo
GRC; ; Greek, Greeks; Athens
GRD; ; Grenadian, Grenadians;
GRL; ; Greenlander, Greenlanders, Greenlandic; Nuuk
GTM; ; Guatemalan, Guatemalans; Guatemala City
GUF; ; ; Cayenne
GUM; ; Guamanian, Guamanians; Hagatna, Hagåtña
GUY; ; Guyanese;
HKG; Hong Kong SAR; Hong Konger, Hong Kongers, Hongkonger, Hongkongers;
HMD; ; ;
HND; ; Honduran, Hondurans; Tegucigalpa
HRV; ; Croatian, Croatians, Croat, Croats; Zagreb
HTI; ; Haitian, Haitians; Port-au-Prince
HUN; ; Hungarian, Hungarians; Budapest
IDN; ; Indonesian, Indonesians; Jakarta
IMN; ; Manx;
IND; ; Indian, Indians; New Delhi
IOT; Chagos Islands, Chagos Archipelago; ;
IRL; Republic of Ireland; Irish, Irishman, Irishmen, Irishwoman; Dublin
IRN; Islamic Republic; Iranian, Iranians; Tehran, Teheran
IRQ; ; Iraqi, Iraqis; Baghdad
ISL; ; Icelandic, Icelander, Icelanders; Reykjavik, Reykjavík
ISR; ; Israeli, Israelis; Jerusalem
ITA; ; Italian, Italians; Rome
JAM; ; Jamaican, Jamaicans; Kingston
JEY; States of Jersey; ;
JOR; ; Jordanian, Jordanians; Amman
JPN; ; Japanese; Tokyo
KAZ; ; Kazakh, Kazakhs, Kazakhstani, Kazakhstanis; Astana, Nur-Sultan
KEN; ; Kenyan, Kenyans; Nairobi
KGZ; Kirghizia; Kyrgyz, Kyrgyzstani, Kyrgyzstanis; Bishkek
KHM; ; Cambodian, Cambodians; Phnom Penh
KIR; ; I-Kiribati; Tarawa, South Tarawa
KNA; St. Kitts and Nevis, St Kitts and Nevis, Saint Kitts, St. Kitts, St Kitts; Kittitian, Kittitians; Basseterre
KOR; Republic of Korea, ROK, Korea; South Korean, South Koreans, Korean, Koreans; Seoul
KWT; ; Kuwaiti, Kuwaitis; Kuwait City
LAO; Laos, Lao PDR; Lao, Laotian, Laotians; Vientiane
LBN; ; Lebanese; Beirut
LBR; ; Liberian, Liberians; Monrovia
LBY; ; Libyan, Libyans; Tripoli
LCA; St. Lucia, St Lucia; Saint Lucian, Saint Lucians, St. Lucian, St. Lucians; Castries
LIE; ; Liechtensteiner, Liechtensteiners; Vaduz
LKA; Ceylon; Sri Lankan, Sri Lankans; Colombo, Sri Jayawardenepura Kotte
LSO; ; Basotho, Mosotho; Maseru
LTU; ; Lithuanian, Lithuanians; Vilnius
LUX; ; Luxembourger, Luxembourgers, Luxembourgish;
LVA; ; Latvian, Latvians; Riga
MAC; Macau, Macao SAR, Macau SAR; Macanese;
MAF; Saint Martin, St. Martin, Saint-Martin; ; Marigot
MAR; ; Moroccan, Moroccans; Rabat
MCO; ; Monegasque, Monegasques, Monégasque;
MDA; ; Moldovan, Moldovans; Chisinau, Chișinău, Kishinev
MDG; ; Malagasy; Antananarivo
MDV; ; Maldivian, Maldivians; Malé
MEX; ; Mexican, Mexicans; Mexico City
MHL; ; Marshallese; Majuro
MKD; Macedonia, Republic of Macedonia, FYROM, Former Yugoslav Republic of Macedonia; Macedonian, Macedonians, North Macedonian, North Macedonians; Skopje
MLI; ; Malian, Malians; Bamako
MLT; ; Maltese; Valletta
MMR; Burma, Republic of the Union of Myanmar; Burmese; Naypyidaw, Nay Pyi Taw, Naypyitaw
MNE; ; Montenegrin, Montenegrins; Podgorica
MNG; ; Mongolian, Mongolians; Ulaanbaatar, Ulan Bator
MNP; Northern Marianas; ; Saipan
MOZ; ; Mozambican, Mozambicans; Maputo
MRT; ; Mauritanian, Mauritanians; Nouakchott
MSR; ; ;
MTQ; ; ; Fort-de-France
MUS; ; Mauritian, Mauritians; Port Louis
MWI; ; Malawian, Malawians; Lilongwe
MYS; ; Malaysian, Malaysians; Kuala Lumpur, Putrajaya
MYT; ; ; Mamoudzou
NAM; ; Namibian, Namibians; Windhoek
NCL; ; New Caledonian, New Caledonians; Noumea, Nouméa
NER; ; Nigerien, Nigeriens; Niamey
NFK; ; ;
NGA; ; Nigerian, Nigerians; Abuja
NIC; ; Nicaraguan, Nicaraguans; Managua
NIU; ; Niuean, Niueans; Alofi
NLD; Holland; Dutch, Dutchman, Dutchmen, Dutchwoman; Amsterdam, The Hague
NOR; ; Norwegian, Norwegians; Oslo
NPL; ; Nepali, Nepalis, Nepalese; Kathmandu
NRU; ; Nauruan, Nauruans; Yaren
NZL; ; New Zealander, New Zealanders; Wellington
OMN; ; Omani, Omanis; Muscat
PAK; ; Pakistani, Pakistanis; Islamabad
PAN; ; Panamanian, Panamanians; Panama City
PCN; Pitcairn Islands; ; Adamstown
PER; ; Peruvian, Peruvians; Lima
PHL; the Philippines; Filipino, Filipinos, Filipina, Filipinas, Philippine; Manila
PLW; ; Palauan, Palauans; Ngerulmud
PNG; ; Papua New Guinean, Papua New Guineans; Port Moresby
POL; ; Polish; Warsaw
PRI; ; Puerto Rican, Puerto Ricans; San Juan
PRK; North Korea, DPRK, D.P.R.K.; North Korean, North Koreans; Pyongyang
PRT; ; Portuguese; Lisbon
PRY; ; Paraguayan, Paraguayans; Asuncion, Asunción
PSE; Palestine, State of Palestine, Palestinian territories, Palestinian territory, occupied Palestinian territories, occupied Palestinian territory, West Bank, Gaza, Gaza Strip; Palestinian, Palestinians, Gazan, Gazans; Ramallah
PYF; French Polynesia, Tahiti; French Polynesian, French Polynesians, Tahitian, Tahitians; Papeete
QAT; ; Qatari, Qataris; Doha
REU; La Réunion, Réunion Island, Reunion Island; ;
ROU; ; Romanian, Romanians; Bucharest
RUS; Russia; Russian, Russians; Moscow
RWA; ; Rwandan, Rwandans, Rwandese; Kigali
SAU; KSA; Saudi, Saudis, Saudi Arabian, Saudi Arabians; Riyadh
SDN; ; Sudanese; Khartoum
SEN; ; Senegalese; Dakar
SGP; ; Singaporean, Singaporeans;
SGS; South Georgia, South Sandwich Islands; ;
SHN; Saint Helena, St. Helena, St Helena, Ascension Island, Tristan da Cunha; ;
SJM; Svalbard, Jan Mayen; ; Longyearbyen
SLB; Solomons; Solomon Islander, Solomon Islanders; Honiara
SLE; ; Sierra Leonean, Sierra Leoneans; Freetown
SLV; ; Salvadoran, Salvadorans, Salvadorean, Salvadoreans; San Salvador
SMR; ; Sammarinese;
SOM; ; Somali, Somalis, Somalian, Somalians; Mogadishu
SPM; St. Pierre and Miquelon, St Pierre and Miquelon; ;
SRB; ; Serbian, Serbians, Serb, Serbs; Belgrade
SSD; ; South Sudanese; Juba
STP; São Tomé and Príncipe, Sao Tome; ; São Tomé
SUR; Surinam; Surinamese; Paramaribo
SVK; ; Slovak, Slovaks, Slovakian, Slovakians; Bratislava
SVN; ; Slovenian, Slovenians, Slovene, Slovenes; Ljubljana
SWE; ; Swedish, Swede, Swedes; Stockholm
SWZ; Swaziland, Kingdom of Swaziland; Swazi, Swazis; Mbabane, Lobamba
SXM; St. Maarten; ; Philipsburg
SYC; ; Seychellois;
SYR; ; Syrian, Syrians; Damascus
TCA; Turks and Caicos; ; Cockburn Town
TCD; ; Chadian, Chadians; N'Djamena, Ndjamena
TGO; ; Togolese; Lome, Lomé
THA; ; Thai, Thais; Bangkok
TJK; ; Tajik, Tajiks, Tajikistani, Tajikistanis; Dushanbe
TKL; ; Tokelauan, Tokelauans;
TKM; ; Turkmen, Turkmens; Ashgabat
TLS; East Timor; Timorese, East Timorese; Dili
TON; ; Tongan, Tongans; Nuku'alofa
TTO; ; Trinidadian, Trinidadians, Tobagonian, Tobagonians; Port of Spain, Port-of-Spain
TUN; ; Tunisian, Tunisians; Tunis
TUR; Turkey, Turkiye, Republic of Turkey; Turkish, Turk, Turks; Ankara
TUV; ; Tuvaluan, Tuvaluans; Funafuti
TWN; Republic of China; Taiwanese; Taipei
TZA; ; Tanzanian, Tanzanians; Dodoma
UGA; ; Ugandan, Ugandans; Kampala
UKR; the Ukraine; Ukrainian, Ukrainians; Kyiv, Kiev
UMI; U.S. Minor Outlying Islands; ;
URY; ; Uruguayan, Uruguayans; Montevideo
USA; U.S., US, U.S.A., USA, United States of America, America; American, Americans; Washington
UZB; ; Uzbek, Uzbeks, Uzbekistani, Uzbekistanis; Tashkent
VAT; Vatican, Vatican City; ;
VCT; St. Vincent and the Grenadines, St Vincent and the Grenadines, Saint Vincent, St. Vincent; Vincentian, Vincentians; Kingstown
VEN; ; Venezuelan, Venezuelans; Caracas
VGB; BVI; ; Road Town
VIR; U.S. Virgin Islands, US Virgin Islands, United States Virgin Islands; ; Charlotte Amalie
VNM; Socialist Republic of Vietnam; Vietnamese; Hanoi
VUT; ; Ni-Vanuatu; Port Vila
WLF; ; ; Mata-Utu
WSM; ; Samoan, Samoans; Apia
YEM; ; Yemeni, Yemenis; Sanaa, Sana'a
ZAF; ; South African, South Africans; Pretoria
ZMB; ; Zambian, Zambians; Lusaka
ZWE; ; Zimbabwean, Zimbabweans; Harare
"""

# ISO names that must not be written (ambiguous or misleading as a bare name).
SKIPPED_NAMES = {
    "COG": {"Congo"},          # bare "Congo" means the DRC in most news (COD)
    "JEY": {"Jersey"},         # the garment; "New Jersey"
    "REU": {"Réunion"},        # kept only in the longer forms above
    "TWN": {"Taiwan, Province of China"},
}

# Names the ISO file lacks entirely, or that follow the table's entries.
EXTRA = """
# ---------------------------------------------------------------- not in ISO 3166-1
# Kosovo has no ISO 3166-1 code; XKX is the code the EU, the IMF and many
# data sets use for it.
Kosovo | Republic of Kosovo = XKX
Kosovar | Kosovars | Kosovan | Kosovans | Kosovo Albanian | Kosovo Albanians = XKX
@place Pristina | Prishtina = XKXGOV

# ---------------------------------------------------------------- former states
# Coded as their main successor state.
Soviet Union | USSR | U.S.S.R. | Soviet | Soviets = RUS
Yugoslavia | Federal Republic of Yugoslavia | Serbia and Montenegro = SRB
Czechoslovakia = CZE
Zaire = COD

# ---------------------------------------------------------------- capitals that moved
@place Bonn = DEUGOV[..1999-08-31]
@place Almaty | Alma-Ata = KAZGOV[..1997-12-09]
@place Bujumbura = BDIGOV[..2019-12-31]
@place Yangon | Rangoon = MMRGOV[..2005-11-06]
@place Lagos = NGAGOV[..1991-12-11]

# ---------------------------------------------------------------- regions
# Regional codes (not ISO codes; none collides with one). They also keep the
# longer region names from being read as a country ("Latin America" is not
# "America", "South African" is not "African").
Africa | African | Africans = AFR
North Africa | North African | North Africans = NAF
West Africa | West African | West Africans = WAF
East Africa | East African | East Africans | Horn of Africa = EAF
Southern Africa | Southern African = SAF
Central Africa = CFR
Sahel = SHL
Asia | Asian | Asians = ASA
Central Asia | Central Asian | Central Asians = CAS
South Asia | South Asian | South Asians = SAS
Southeast Asia | South-East Asia | Southeast Asian | South-East Asian = SEA
East Asia | East Asian = EAS
Middle East | Mideast = MEA
Persian Gulf | Gulf states | Gulf Arab states | Gulf countries = PGS
Europe | European | Europeans = EUR
Western Europe | Western European = WEU
Eastern Europe | Eastern European | Eastern Europeans = EEU
Balkans | Balkan = BLK
Caucasus | South Caucasus | North Caucasus = CAU
Scandinavia | Scandinavian | Nordic countries = SCN
Latin America | Latin American | Latin Americans = LAM
South America | South American | South Americans = SAM
Central America | Central American | Central Americans = CAM
North America | North American | North Americans = NMR
Caribbean = CRB
African American | African Americans | African-American | African-Americans = USA

# ---------------------------------------------------------------- guards
# Longer names that contain a country's name but are not that country.
New Mexico | New Mexican = USA
New Jersey = USA
New South Wales = AUS
New England = USA
New Guinea = PNG
"""


def clean(name):
    return " ".join(name.split())


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/iso-codes/json/iso_3166-1.json"
    with open(path, encoding="utf-8") as f:
        iso = {c["alpha_3"]: c for c in json.load(f)["3166-1"]}

    rows = {}
    for line in TABLE.strip().splitlines():
        parts = [p.strip() for p in line.split(";")]
        if len(parts) != 4:
            sys.exit("bad table line: " + line)
        code, names, people, capitals = parts
        split = lambda s: [clean(x) for x in s.split(",") if x.strip()]
        rows[code] = (split(names), split(people), split(capitals))

    missing = sorted(set(iso) - set(rows))
    unknown = sorted(set(rows) - set(iso))
    if missing or unknown:
        sys.exit(f"table and ISO file disagree: missing {missing}, unknown {unknown}")

    seen = {}  # lower-case phrase -> code, to refuse one name for two codes

    def take(code, phrase):
        key = phrase.lower()
        if key in seen and seen[key] != code:
            sys.exit(f"'{phrase}' given to both {seen[key]} and {code}")
        if key in seen:
            return False
        seen[key] = code
        return True

    out = []
    out.append("# Countries and territories: names, the words for their people, and their")
    out.append("# capitals as metonyms for their governments.")
    out.append("# GENERATED by tools/dictionaries/make_countries.py from the iso-codes")
    out.append("# package's ISO 3166-1 list plus storyline's own table; edit the script,")
    out.append("# not this file. Codes are ISO 3166-1 alpha-3 (Kosovo: XKX).")
    out.append("")
    for code in sorted(iso):
        c = iso[code]
        extra, people, capitals = rows[code]
        skipped = SKIPPED_NAMES.get(code, set())
        names = []
        for field in ("name", "common_name", "official_name"):
            n = c.get(field)
            if not n:
                continue
            n = clean(n)
            if n.lower().startswith("the "):
                n = n[4:]
            # A parenthesis is a gloss: "Cocos (Keeling) Islands" -> "Cocos
            # Islands", "Saint Martin (French part)" -> "Saint Martin".
            while "(" in n and ")" in n:
                n = clean(n[: n.index("(")] + " " + n[n.index(")") + 1 :])
            if "," in n:
                continue  # "Korea, Republic of": the table gives usable forms
            if n in skipped:
                continue
            names.append(n)
        names += extra
        uniq = []
        for n in names:
            if n.lower() not in {u.lower() for u in uniq} and take(code, n):
                uniq.append(n)
        if not uniq:
            sys.exit(f"{code}: no usable name")
        out.append(f"{' | '.join(uniq)} = {code}")
        people = [p for p in people if take(code, p)]
        if people:
            out.append(f"{' | '.join(people)} = {code}")
        capitals = [p for p in capitals if take(code, p)]
        if capitals:
            out.append(f"@place {' | '.join(capitals)} = {code}GOV")
    out.append(EXTRA.rstrip())
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
