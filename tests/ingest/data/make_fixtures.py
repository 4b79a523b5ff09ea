#!/usr/bin/env python3
"""Regenerates the encoded and PDF fixtures of tests/ingest/data (texts written for these tests)."""
import pathlib

here = pathlib.Path(__file__).parent

ZH = ("据一份非政府组织的报告，某市公安局在海外设立了一个所谓的警务服务站。\n"
      "报告说，该服务站位于一家中餐馆楼上，主要为侨民办理驾照续期等业务。\n\n"
      "当地警方表示正在调查此事，并呼吁知情者提供线索。\n")
ZH_TW = ("根據一份非政府組織的報告，某市公安局在海外設立了一個所謂的警務服務站。\n"
         "報告說，該服務站位於一家中餐館樓上，主要為僑民辦理駕照續期等業務。\n\n"
         "當地警方表示正在調查此事，並呼籲知情者提供線索。\n")
JA = ("ある非政府組織の報告によると、中国のある市の公安局が海外に「警察サービスステーション」を設けていた。\n"
      "報告書によれば、その拠点は中華料理店の二階にあり、運転免許の更新などを扱っていたという。\n\n"
      "地元の警察は調査中だと述べた。\n")
FR = ("Selon un rapport d'une ONG, un « poste de police » chinois aurait été installé à Montréal, "
      "près d'un café où l'on sert des crêpes.\n\nLa Sûreté a ouvert une enquête préliminaire.\n")
PL = ("Według raportu organizacji pozarządowej w Łodzi działał rzekomy posterunek chińskiej policji. "
      "Sprawą zajęła się prokuratura w Gdańsku.\n")

def write(name, data):
    (here / name).write_bytes(data)

write("enc_gb18030.txt", ZH.encode("gb18030"))
write("enc_big5.txt", ZH_TW.encode("big5"))
write("enc_shift_jis.txt", JA.encode("shift_jis"))
write("enc_windows1252.txt", FR.encode("cp1252"))
write("enc_iso8859_2.txt", PL.encode("iso-8859-2"))
write("enc_utf16le_bom.txt", b"\xff\xfe" + FR.encode("utf-16-le"))
write("enc_utf16be_nobom.txt", FR.encode("utf-16-be"))
write("enc_utf8_bom.txt", b"\xef\xbb\xbf" + ZH.encode("utf-8"))
write("enc_utf8.txt", ZH.encode("utf-8"))
html = ("<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
        "<title>海外警务服务站调查</title></head><body><article><h1>海外警务服务站调查</h1>"
        + "".join("<p>%s</p>" % p for p in ZH.split("\n") if p) + "</article></body></html>")
write("enc_gbk_meta.html", html.encode("gbk"))


def pdf(pages, title):
    """A minimal PDF with Helvetica text, one line per string."""
    objects = []
    kids = []
    font_id = 3
    next_id = 4
    page_objs = []
    for lines in pages:
        content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(
            "(%s) '" % l.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for l in lines) + " ET"
        content_id, page_id = next_id, next_id + 1
        next_id += 2
        page_objs.append((content_id, "<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)))
        page_objs.append((page_id, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                                   "/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font_id, content_id)))
        kids.append(page_id)
    info_id = next_id
    objects.append((1, "<< /Type /Catalog /Pages 2 0 R >>"))
    objects.append((2, "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join("%d 0 R" % k for k in kids), len(kids))))
    objects.append((3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"))
    objects.extend(page_objs)
    objects.append((info_id, "<< /Title (%s) /CreationDate (D:20230415120000Z) >>" % title))
    objects.sort()
    out = b"%PDF-1.4\n"
    offsets = {}
    for oid, body in objects:
        offsets[oid] = len(out)
        out += ("%d 0 obj\n%s\nendobj\n" % (oid, body)).encode("latin-1")
    xref = len(out)
    out += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)).encode()
    for oid, _ in objects:
        out += ("%010d 00000 n \n" % offsets[oid]).encode()
    out += ("trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, info_id, xref)).encode()
    return out

write("report.pdf", pdf([
    ["Overseas Service Stations: A Field Survey", "", "The survey team visited a community centre in",
     "Westhaven where a so-called service station was re-", "portedly run by a provincial police bureau."],
    ["Section 2", "", "A second site was described in Northbridge.", "2"],
], "Field Survey of Service Stations"))
write("scanned.pdf", pdf([[]], "Scanned"))
