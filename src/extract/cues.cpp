#include "cues.hpp"

namespace stationmap::cues {

const std::vector<std::string_view>& station() {
  static const std::vector<std::string_view> words = {
      // English
      "station", "stations", "police station", "police stations", "service station", "service stations", "outpost",
      "outposts", "antenna", "antennas", "office", "offices", "premises", "service point", "service points",
      "service centre", "service center", "service centres", "service centers", "centers", "centres", "site", "sites",
      "110", "liaison point", "liaison office", "help desk", "help desks",
      // French
      "antenne", "antennes", "poste de police", "postes de police", "commissariat", "commissariats", "bureau officieux",
      "bureaux officieux", "point de contact", "points de contact", "stations de service", "station de police",
      "locaux",
      // Spanish
      "comisaria", "comisarias", "estacion de policia", "estaciones de policia", "oficina", "oficinas",
      "centro de servicio", "centros de servicio", "puesto", "puestos",
      // German
      "polizeistation", "polizeistationen", "polizeiwache", "polizeiwachen", "servicezentrum", "servicezentren",
      "servicestelle", "servicestellen", "buro", "buros", "stutzpunkt", "stutzpunkte",
      // Chinese
      "站", "服 务 站", "警 察 站", "警 侨 服 务 站", "站 点", "办 事 处", "联 络 点", "服 务 中 心"};
  return words;
}

const std::vector<std::string_view>& police() {
  static const std::vector<std::string_view> words = {"police",
                                                      "polices",
                                                      "public security",
                                                      "public security bureau",
                                                      "psb",
                                                      "jurisdiction",
                                                      "jurisdictions",
                                                      "security bureau",
                                                      "securite publique",
                                                      "policia",
                                                      "seguridad publica",
                                                      "polizei",
                                                      "offentlichen sicherheit",
                                                      "offentliche sicherheit",
                                                      "公 安",
                                                      "警 方",
                                                      "公 安 局",
                                                      "公 安 机 关",
                                                      "警"};
  return words;
}

const std::vector<std::string_view>& tie() {
  static const std::vector<std::string_view> words = {
      "run by",      "opened by",      "set up by",       "operated by",    "established by", "attributed to",
      "linked to",   "tied to",        "affiliated with", "belonging to",   "on behalf of",   "linked",
      "listed as",   "run from",       "attributed",      "attributes",     "attribuee",      "attribue",
      "atribuida",   "atribuido",      "zugeschrieben",   "rattachee",      "rattache",       "rattachee au",
      "dependrait",  "depend",         "liee a",          "lie a",          "liee",           "pilotee",
      "pilotees",    "gere par",       "geree par",       "ouverte par",    "ouvert par",     "vinculada a",
      "vinculado a", "dependiente de", "abierta por",     "gestionada por", "betrieben von",  "eroffnet von",
      "zugeordnet",  "verbunden mit",  "开 设",           "设 立",          "所 属"};
  return words;
}

const std::vector<std::string_view>& police_preposition() {
  static const std::vector<std::string_view> words = {
      "of",  "from", "in",  "de",        "du",        "des",       "d",
      "del", "von",  "aus", "including", "notamment", "incluidas", "including the cities of",
      "by",  "à",    "a"};
  return words;
}

const std::vector<std::string_view>& negation() {
  static const std::vector<std::string_view> words = {"did not link",
                                                      "not link",
                                                      "not linked",
                                                      "denied",
                                                      "denies",
                                                      "deny",
                                                      "denying",
                                                      "dement",
                                                      "dementi",
                                                      "nie",
                                                      "nient",
                                                      "niega",
                                                      "niegan",
                                                      "nego",
                                                      "bestreitet",
                                                      "bestritten",
                                                      "dementiert",
                                                      "否 认",
                                                      "没 有",
                                                      "without saying which",
                                                      "without tying",
                                                      "not tying",
                                                      "without linking",
                                                      "sans preciser",
                                                      "sin precisar",
                                                      "not say which",
                                                      "did not say which"};
  return words;
}

const std::vector<std::string_view>& base() {
  static const std::vector<std::string_view> words = {"based in",
                                                      "based out of",
                                                      "based at",
                                                      "headquartered in",
                                                      "headquarters in",
                                                      "works from",
                                                      "work from",
                                                      "working from",
                                                      "editorial office",
                                                      "newsroom",
                                                      "reporter based in",
                                                      "correspondent in",
                                                      "basee a",
                                                      "base a",
                                                      "basee en",
                                                      "siege a",
                                                      "con sede en",
                                                      "sede en",
                                                      "mit sitz in",
                                                      "sitz in",
                                                      "总 部",
                                                      "总 部 设 在",
                                                      "research desk",
                                                      "desk in"};
  return words;
}

const std::vector<std::string_view>& mission() {
  static const std::vector<std::string_view> words = {"embassy",   "consulate", "ambassade", "consulat", "embajada",
                                                      "consulado", "botschaft", "konsulat",  "大 使 馆", "领 事 馆"};
  return words;
}

const std::vector<std::string_view>& home_side() {
  static const std::vector<std::string_view> words = {"hometown",  "home town",   "native",      "natives",
                                                      "emigrants", "originaires", "originarios", "同 乡",
                                                      "老 家",     "家 乡",       "祖 籍",       "侨 乡"};
  return words;
}

const std::vector<std::string_view>& metonymy_verb() {
  static const std::vector<std::string_view> words = {
      "has",      "have",      "had",     "said",       "says",    "say",     "denies", "denied",
      "rejected", "rejects",   "insists", "insisted",   "claims",  "claimed", "argues", "argued",
      "affirme",  "affirmait", "a",       "dit",        "declare", "dement",  "dijo",   "afirma",
      "niega",    "erklarte",  "sagt",    "bestreitet", "表 示",   "否 认",   "称"};
  return words;
}

const std::vector<std::string_view>& coordination() {
  static const std::vector<std::string_view> words = {"and",   "et", "y",    "e",          "und",       "or",
                                                      "ou",    "o",  "oder", "as well as", "ainsi que", "asi como",
                                                      "sowie", "和", "与",   "及",         "以 及",     "或"};
  return words;
}

const std::vector<StatusCue>& status() {
  static const std::vector<StatusCue> cues = {
      {"closed",
       {"closed", "shut down", "has shut", "ceased operating", "stopped operating", "ferme", "fermee", "fermees",
        "cerrada", "cerrado", "clausurada", "geschlossen", "已 关 闭", "关 闭", "停 止 运 作"}},
      {"ordered closed",
       {"ordered to close", "told to close", "ordered closure", "ordered the closure", "ordered closed", "must shut",
        "ordered to stop", "ordonne la fermeture", "ordenado el cierre", "schliessung angeordnet"}},
      {"under investigation",
       {"investigation", "investigating", "investigated", "inquiry", "inquiries", "searched", "enquete",
        "investigacion", "ermittlungen", "ermittelt", "调 查", "搜 查", "scrutiny", "examining", "examined"}},
      {"confirmed", {"confirmed", "confirme", "confirmada", "bestatigt", "证 实"}},
      {"denied", {"denied", "denies", "dement", "niega", "bestreitet", "否 认"}},
      {"suspected", {"suspected", "suspecte", "sospechosa", "mutmasslich", "涉 嫌"}},
  };
  return cues;
}

} // namespace stationmap::cues
