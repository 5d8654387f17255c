"""The printed sheets (隐患分级判定表, 争议裁决表): Chinese text, embedded fonts only, pages that render."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from hazard_desktop.adapters.pdf import fonts
from hazard_desktop.adapters.pdf.sheets import ReportLabSheetRenderer
from hazard_desktop.domain.verification import qr_payload, record_digest, short_code
from hazard_desktop.services.sheet_models import (
    DisputeSheet,
    GradingSheet,
    OriginalGrading,
    SheetCriterion,
    SheetDocument,
    SheetMember,
    SheetPhoto,
    SheetRenderer,
)

PLANT = "华东某化工有限公司"
STANDARD_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique",
    "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
    "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
}  # fmt: skip

LONG_DESCRIPTION = (
    "二号罐区东侧液氯汽化器出口压力表无检定标签，表盘玻璃破裂，指针卡滞在0.6MPa处不回零；"
    "现场操作人员称该压力表已失准约两周，巡检记录中未见报修记录。汽化器出口管线法兰处有轻微泄漏痕迹，"
    "已用肥皂水检漏确认，泄漏点周围地面有白色结晶物。该区域为重点监管的危险化工工艺区域，"
    "距离最近的有人值守控制室约三十五米，下风向有装卸站台。"
) * 4


def jpeg(width: int = 640, height: int = 480, hue: int = 0) -> bytes:
    """A small photo-like JPEG: coloured background, a few shapes."""
    image = Image.new("RGB", (width, height), (90 + hue % 100, 120, 160))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 60, width - 60, height - 90), fill=(200, 190, 170), outline=(30, 30, 30), width=6)
    draw.ellipse((width // 3, height // 3, width // 2, height // 2 + 60), fill=(180, 30, 30))
    draw.line((0, height - 1, width - 1, 0), fill=(250, 250, 250), width=8)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def lec_members() -> tuple[SheetMember, ...]:
    return (
        SheetMember("组长", "王建国", "安全环保部", "6", "6", "7", "252"),
        SheetMember("成员", "李秀英", "生产技术部", "3", "6", "7", "126"),
        SheetMember("成员", "张伟", "设备动力部", "3", "6", "15", "270"),
        SheetMember("成员", "刘芳", "工会", "6", "3", "7", "126"),
        SheetMember("成员", "陈志强", "合成氨车间", "3", "6", "7", "126"),
    )


def grading_sheet(index: int = 1, *, copy_no: int = 0, description: str | None = None,
                  photos: int = 2, criteria: bool = False) -> GradingSheet:  # fmt: skip
    number = f"YH-2026-{index:04d}"
    record = {"hazard": number, "index": index, "mean_d": "180", "copy": "ignored-not-in-record"}
    code = short_code(record_digest(record))
    return GradingSheet(
        plant_name=PLANT,
        sheet_no=f"PJ-2026-{index:03d}",
        hazard_number=number,
        description=description or f"第{index}号：液氯汽化器出口压力表失准，法兰处轻微泄漏。",
        location="二号罐区 液氯汽化器 E-203 出口管线",
        category="4.5 设备设施 / 4.5.1 压力容器及附件",
        found_at="2026-05-08 09:40",
        found_by="赵磊（安全环保部）",
        method_label="LEC 作业条件危险性评价法（D = L × E × C），判定小组成员分别打分取平均值",
        basis_lines=("《危险化学品企业安全风险隐患排查治理导则》", "公司《事故隐患分级管理规定》第4.3条"),
        criteria=(
            (
                SheetCriterion(
                    "C-10",
                    "原安监总管三〔2017〕121号 第十条",
                    "液化烃、液氨、液氯等易燃易爆、有毒有害液化气体的充装未使用万向管道充装系统。",
                    "装卸站台仍使用金属软管充装。",
                ),
                SheetCriterion("Q-4.2", "公司规定 第4.2条", "安全附件失效且未采取措施。", "压力表失准两周。"),
            )
            if criteria
            else ()
        ),
        members=lec_members(),
        mean_d="180",
        band_name="高度危险",
        band_colour="#E67E22",
        action="立即整改：3日内更换压力表并处理泄漏点，整改期间加强巡检，每2小时记录一次。",
        threshold_set="LEC 分级标准 2020 版（自2020-01-01起施行，上限含）",
        leader_name="王建国",
        graded_on="2026年5月10日",
        verify_code=code,
        qr_payload=qr_payload(code, number),
        copy_no=copy_no,
        photos=tuple(SheetPhoto(jpeg(hue=i * 37), f"照片{i + 1}：出口压力表") for i in range(photos)),
    )


def dispute_sheet(copy_no: int = 0) -> DisputeSheet:
    number = "YH-2026-0007"
    code = short_code(record_digest({"dispute": number}))
    return DisputeSheet(
        plant_name=PLANT,
        sheet_no="ZY-2026-002",
        hazard_number=number,
        description="合成氨车间氨压缩机房可燃气体报警器探头被塑料袋包裹，报警功能失效。",
        original=OriginalGrading(
            sheet_no="PJ-2026-007",
            graded_on="2026年5月10日",
            method_label="LEC 作业条件危险性评价法",
            mean_d="126",
            band_name="显著危险",
            leader_name="王建国",
            members=lec_members(),
        ),
        raised_by_department="合成氨车间",
        raised_by_person="孙海涛",
        raised_at="2026-05-11 14:20",
        reason="车间认为探头包裹系检修期间临时防尘措施，检修已于当日结束，暴露频率应按每月一次计，"
        "原判定E值取6偏高，申请复核。",
        members=(
            SheetMember("组长", "周明", "安全环保部", "3", "3", "7", "63"),
            SheetMember("副组长", "吴俊", "生产技术部", "3", "3", "7", "63"),
            SheetMember("成员", "郑丽", "设备动力部", "3", "2", "7", "42"),
        ),
        mean_d="56",
        band_name="一般危险",
        action="限期整改：7日内完成，车间制定检修防护措施管理规定。",
        threshold_set="LEC 分级标准 2020 版",
        ruling_text="经现场复核，探头包裹为检修临时措施，但未办理报警器停用审批，仍属隐患。"
        "裁决小组取平均值，维持隐患成立，等级调整为一般危险。\n原判定表作废，以本表为准。",
        leader_name="周明",
        deputy_name="吴俊",
        verify_code=code,
        qr_payload=qr_payload(code, number),
        copy_no=copy_no,
        location="合成氨车间 氨压缩机房 二层",
        category="4.7 安全设施 / 4.7.2 监测报警",
        band_colour="#F1C40F",
        ruled_on="2026年5月13日",
    )


def render(document: SheetDocument, path: Path) -> Path:
    renderer: SheetRenderer = ReportLabSheetRenderer()
    renderer.render(document, path)
    return path


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def _resolve(obj: object) -> object:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def fonts_of(path: Path) -> list[DictionaryObject]:
    """Every font dictionary reachable from the pages (page resources and form XObjects)."""
    found: list[DictionaryObject] = []
    seen: set[int] = set()

    def walk_resources(resources: object) -> None:
        resources = _resolve(resources)
        if not isinstance(resources, DictionaryObject) or id(resources) in seen:
            return
        seen.add(id(resources))
        for font in _resolve(resources.get("/Font", DictionaryObject())).values():
            found.append(_resolve(font))
        for xobject in _resolve(resources.get("/XObject", DictionaryObject())).values():
            xobject = _resolve(xobject)
            if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
                walk_resources(xobject["/Resources"])

    for page in PdfReader(path).pages:
        walk_resources(page.get("/Resources"))
    return found


def assert_fonts_embedded(path: Path) -> None:
    fonts_found = fonts_of(path)
    assert fonts_found, "no fonts at all?"
    for font in fonts_found:
        base = str(font.get("/BaseFont", "")).lstrip("/")
        assert base.split("+")[-1] not in STANDARD_14, f"standard-14 font {base} in {path.name}"
        assert "Helvetica" not in base
        targets = [font]
        if font.get("/Subtype") == "/Type0":
            targets = [_resolve(d) for d in _resolve(font["/DescendantFonts"])]
        for target in targets:
            assert target.get("/Subtype") in ("/TrueType", "/CIDFontType2"), target.get("/Subtype")
            descriptor = _resolve(target.get("/FontDescriptor"))
            assert descriptor is not None, f"{base} has no font descriptor"
            assert "/FontFile2" in descriptor, f"{base} is not embedded"
            assert "WQYMicroHei" in str(target.get("/BaseFont")) or "WenQuanYi" in str(target.get("/BaseFont"))


def assert_page_renders(path: Path, out_dir: Path, page: int = 1) -> Image.Image:
    prefix = out_dir / f"{path.stem}-p{page}"
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", str(page), "-l", str(page), str(path), str(prefix)],
        check=True,
        capture_output=True,
    )
    pngs = sorted(out_dir.glob(f"{prefix.name}*.png"))
    assert len(pngs) == 1
    image = Image.open(pngs[0]).convert("L")
    assert image.size[0] == pytest.approx(210 / 25.4 * 60, abs=2)
    low, high = image.getextrema()
    assert low < 60 and high > 240, "page is blank"
    dark = sum(image.histogram()[:128])
    assert dark > image.size[0] * image.size[1] * 0.01, "almost nothing printed on the page"
    return image


# make test installs poppler-utils and zbar-tools: a missing tool fails the test instead of skipping it.
def needs_poppler(function):  # noqa: D103 - kept as a marker-like decorator for readability
    return function


# ------------------------------------------------------------------------------------------- tests
def test_single_grading_sheet_has_chinese_labels_and_values(tmp_path: Path) -> None:
    sheet = grading_sheet(12, criteria=True)
    path = render(SheetDocument("隐患分级判定表 YH-2026-0012", (sheet,)), tmp_path / "one.pdf")

    texts = page_texts(path)
    text = "".join(texts)
    for expected in (
        "隐患分级判定表", PLANT, "YH-2026-0012", "PJ-2026-012", "签字", "王建国", "李秀英", "陈志强",
        "安全环保部", "平均D值", "180", "高度危险", "立即整改", "LEC 分级标准 2020 版", "核验码",
        sheet.verify_code, "判定组长", "121号", "万向管道", "第 1 页 共 1 页",
    ):  # fmt: skip
        assert expected in text, expected
    assert "副本" not in text
    assert len(texts) == 1


@needs_poppler
def test_single_sheet_fonts_embedded_and_page_renders(tmp_path: Path) -> None:
    path = render(SheetDocument("判定表", (grading_sheet(1),)), tmp_path / "one.pdf")

    assert_fonts_embedded(path)
    pdffonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = pdffonts.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), pdffonts
    assert "Helvetica" not in pdffonts
    assert "隐患分级判定表" in pdftotext(path)
    assert_page_renders(path, tmp_path)


@needs_poppler
def test_batch_of_three_prints_one_hazard_per_section_with_document_page_numbers(tmp_path: Path) -> None:
    sheets = tuple(grading_sheet(i, photos=i) for i in (1, 2, 3))
    path = render(SheetDocument("2026年5月10日 判定会", sheets), tmp_path / "batch.pdf")

    texts = page_texts(path)
    assert len(texts) == 3
    for page_no, (sheet, text) in enumerate(zip(sheets, texts, strict=True), start=1):
        assert sheet.hazard_number in text
        assert sheet.verify_code in text
        assert f"第 {page_no} 页 共 3 页" in text
        others = [s.hazard_number for s in sheets if s is not sheet]
        assert not any(other in text for other in others)
    assert_fonts_embedded(path)
    for page in (1, 3):
        assert_page_renders(path, tmp_path, page)


@needs_poppler
def test_dispute_sheet(tmp_path: Path) -> None:
    path = render(SheetDocument("争议裁决表", (dispute_sheet(),)), tmp_path / "dispute.pdf")

    text = "".join(page_texts(path))
    for expected in (
        "争议裁决表", "原判定情况", "PJ-2026-007", "126", "显著危险", "争议情况", "合成氨车间", "孙海涛",
        "2026-05-11 14:20", "申请复核", "争议裁决小组", "周明", "吴俊", "郑丽", "副组长", "签字",
        "最终平均D值", "56", "一般危险", "裁决意见", "以本表为准", "核验码", "YH-2026-0007",
    ):  # fmt: skip
        assert expected in text, expected
    assert_fonts_embedded(path)
    assert_page_renders(path, tmp_path)


def test_reprint_is_marked_copy_with_print_count(tmp_path: Path) -> None:
    path = render(SheetDocument("副本", (grading_sheet(4, copy_no=1), dispute_sheet(copy_no=2))), tmp_path / "copy.pdf")
    texts = page_texts(path)
    compact = [t.replace(" ", "") for t in texts]
    assert "副本" in compact[0] and "第2次打印" in compact[0]
    assert "副本" in compact[-1] and "第3次打印" in compact[-1]


@needs_poppler
def test_long_description_wraps_and_continues_on_a_second_page(tmp_path: Path) -> None:
    sheet = grading_sheet(9, description=LONG_DESCRIPTION, photos=6, criteria=True)
    path = render(SheetDocument("长描述", (sheet,)), tmp_path / "long.pdf")

    texts = page_texts(path)
    assert len(texts) >= 2
    joined = "".join(texts).replace("\n", "")
    assert "下风向有装卸站台" in joined
    assert "隐患分级判定表（续）" in texts[1]
    assert f"第 2 页 共 {len(texts)} 页" in texts[1]
    assert_fonts_embedded(path)
    assert_page_renders(path, tmp_path, 2)


def test_twenty_hazard_batch(tmp_path: Path) -> None:
    sheets = tuple(grading_sheet(i, photos=i % 3) for i in range(1, 21))
    path = render(SheetDocument("批量", sheets), tmp_path / "batch20.pdf")
    reader = PdfReader(path)
    assert len(reader.pages) == 20
    assert "第 20 页 共 20 页" in reader.pages[19].extract_text()


def test_invariant_render_is_reproducible_and_leaves_no_temp_files(tmp_path: Path) -> None:
    document = SheetDocument("判定表", (grading_sheet(5),))
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    ReportLabSheetRenderer(invariant=True).render(document, first)
    ReportLabSheetRenderer(invariant=True).render(document, second)
    assert first.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "b.pdf"]


def test_paragraph_caches_print_what_plain_reportlab_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Parsed markup, broken lines and drawings are reused across paragraphs, passes and (lines) documents;
    # the file must be the one ReportLab's own Paragraph gives (a batch repeats labels; a long text splits
    # across pages). The cached render goes first and twice, so the second also reuses the first's lines.
    from reportlab.platypus import Paragraph

    from hazard_desktop.adapters.pdf import common

    long_text = grading_sheet(3, description="法兰泄漏，" * 400)
    document = SheetDocument("缓存", (grading_sheet(1), grading_sheet(2, photos=1), long_text))
    cached, plain = tmp_path / "cached.pdf", tmp_path / "plain.pdf"
    ReportLabSheetRenderer(invariant=True).render(document, cached)
    ReportLabSheetRenderer(invariant=True).render(document, cached)
    for name in ("__init__", "wrap", "split", "draw", "drawOn"):  # every method _Para overrides: plain ReportLab
        monkeypatch.setattr(common._Para, name, getattr(Paragraph, name))
    ReportLabSheetRenderer(invariant=True).render(document, plain)
    assert len(PdfReader(cached).pages) > 3
    assert cached.read_bytes() == plain.read_bytes()


def test_a_batch_draws_a_repeated_paragraph_once_per_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The caches above are what makes a meeting batch cheap (benchmarks/sheets.py): check they are used.
    from reportlab.platypus import Paragraph

    drawn: list[str] = []
    real_draw = Paragraph.drawPara

    def counting_draw(self: Paragraph, debug: int = 0) -> None:
        drawn.append(self.getPlainText())
        real_draw(self, debug)

    monkeypatch.setattr(Paragraph, "drawPara", counting_draw)
    sheets = tuple(grading_sheet(i) for i in range(1, 4))
    path = render(SheetDocument("批量", sheets), tmp_path / "batch.pdf")
    assert drawn.count("隐患编号") == 1  # on all three sheets, drawn once and copied twice
    assert "隐患编号" in page_texts(path)[2]
    render(SheetDocument("批量", sheets), tmp_path / "again.pdf")
    assert drawn.count("隐患编号") == 2  # a new document draws afresh: the font subset is its own


def test_font_is_found_in_source_tree_and_in_a_frozen_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = fonts.font_path()
    assert path.name == "wqy-microhei.ttc" and path.stat().st_size > 4_000_000
    assert (path.parent / "LICENSE-wqy-microhei.txt").is_file()

    bundled = tmp_path / "resources" / "fonts" / "wqy-microhei.ttc"
    bundled.parent.mkdir(parents=True)
    bundled.write_bytes(b"stand-in")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert fonts.font_path() == bundled


def test_models_and_verification_do_not_import_reportlab() -> None:
    code = (
        "import sys\n"
        "import hazard_desktop.domain.verification, hazard_desktop.services.sheet_models\n"
        "import hazard_desktop.adapters.pdf\n"
        "bad = [m for m in ('reportlab', 'segno', 'PIL') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2])


def test_qr_code_decodes_to_the_payload(tmp_path: Path) -> None:
    sheet = grading_sheet(3)
    path = render(SheetDocument("QR", (sheet,)), tmp_path / "qr.pdf")
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(path), str(tmp_path / "qr")], check=True)
    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", str(next(tmp_path.glob("qr*.png")))],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert decoded == sheet.qr_payload


def test_a_cut_off_small_jpeg_is_reported_not_embedded(tmp_path: Path) -> None:
    # A small JPEG is embedded as it is after a (reduced-scale) decode: a file cut short must still be
    # caught there and printed as unreadable, not passed to ReportLab.
    small = jpeg(400, 300)
    sheet = grading_sheet(7, photos=0)
    photos = (SheetPhoto(small[: len(small) - 300], "断图"), SheetPhoto(small, "好图"))
    sheet = GradingSheet(**{**{f: getattr(sheet, f) for f in sheet.__dataclass_fields__}, "photos": photos})
    path = render(SheetDocument("照片", (sheet,)), tmp_path / "cut.pdf")

    text = page_texts(path)[0]
    assert text.count("照片无法读取") == 1 and "好图" in text


def test_large_photos_are_downscaled_and_a_damaged_photo_does_not_stop_printing(tmp_path: Path) -> None:
    big = jpeg(2400, 1800)
    assert len(big) > 60_000
    sheet = grading_sheet(6, photos=0)
    photos = (SheetPhoto(big, "大图"), SheetPhoto(b"not a jpeg", "坏图"), SheetPhoto(big, "大图2"))
    sheet = GradingSheet(**{**{f: getattr(sheet, f) for f in sheet.__dataclass_fields__}, "photos": photos})
    path = render(SheetDocument("照片", (sheet,)), tmp_path / "photos.pdf")

    text = page_texts(path)[0]
    assert "照片无法读取" in text and "大图2" in text
    without = render(SheetDocument("无照片", (grading_sheet(6, photos=0),)), tmp_path / "none.pdf")
    assert path.stat().st_size - without.stat().st_size < 2 * 60_000


@pytest.mark.parametrize("members", [5, 6, 7, 8, 9, 12])
def test_the_ruling_signatures_never_stand_alone_on_a_page(tmp_path: Path, members: int) -> None:
    """Issue 11 §2: with 7 members the ruling, signatures and note moved to page 2 by themselves."""
    people = tuple(
        SheetMember("组长" if i == 0 else "成员", f"成员{i + 1}", "安全环保部", "3", "3", "7", "63")
        for i in range(members)
    )
    sheet = dataclasses.replace(dispute_sheet(), members=people)
    path = render(SheetDocument("争议裁决表", (sheet,)), tmp_path / "dispute.pdf")
    pages = [text.replace(" ", "") for text in page_texts(path)]
    signing = next(i for i, text in enumerate(pages) if "裁决组长" in text)
    assert "注：本表经争议裁决小组" in pages[signing]  # the note with its signatures
    if signing > 0:  # a continuation page carries the body above the signatures, not only the signatures
        assert "最终平均D值" in pages[signing] and "63" in pages[signing]


def test_reportlab_runs_on_its_c_accelerators():
    """rl-accel is a dependency: without it ReportLab silently falls back to Python (sheets print ~20 % slower)."""
    import inspect

    from reportlab.lib import rl_accel

    for name in ("fp_str", "asciiBase85Encode", "instanceStringWidthTTF", "unicode2T1"):
        assert inspect.isbuiltin(getattr(rl_accel, name)), name


@pytest.mark.parametrize(
    ("valign", "align", "padding"),
    [
        ("MIDDLE", "LEFT", (0, 0, 0, 0)),
        ("MIDDLE", "CENTER", (1, 2, 2, 5)),
        ("TOP", "CENTER", (1, 1, 1, 0)),
        ("BOTTOM", "LEFT", (1, 1, 2, 3)),
    ],
)
def test_layout_rows_place_their_cells_where_reportlab_table_does(
    tmp_path: Path, valign: str, align: str, padding: tuple[float, float, float, float]
) -> None:
    # _CellRow replaces one-row layout Tables (top block, sheet-number line, photos): same words, same boxes.
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

    from hazard_desktop.adapters.pdf.common import _CellRow, _font, _p, _Stamp, _styles

    styles = _styles(_font())

    def cells() -> list[object]:
        return [
            _p("隐患编号 YH-2026-0001", styles.value),
            [_p("某化工有限公司", styles.plant), Spacer(1, 1.5 * mm), _p("核验码 ABCD-EFGH", styles.code)],
            "",
            _p("判定日期：2026年5月10日，较长的一行文字在这一格里折行", styles.meta_right),
            _Stamp("副 本", "第2次打印", _font()),  # narrower than its cell: ALIGN shows
        ]

    widths = [30 * mm, 45 * mm, 10 * mm, 45 * mm, 40 * mm]
    left, right, top, bottom = padding
    table = Table([cells()], colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), _font()),
                ("VALIGN", (0, 0), (-1, -1), valign),
                ("ALIGN", (0, 0), (-1, -1), align),
                ("LEFTPADDING", (0, 0), (-1, -1), left),
                ("RIGHTPADDING", (0, 0), (-1, -1), right),
                ("TOPPADDING", (0, 0), (-1, -1), top),
                ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
            ]
        )
    )
    row = _CellRow(cells(), widths, align=[align] * 5, valign=valign, padding=padding)
    boxes = []
    for name, flowable in (("table", table), ("row", row)):
        path = tmp_path / f"{name}.pdf"
        story = [Spacer(1, 5 * mm), flowable, _p("下一段", styles.value)]  # the next paragraph shows the height
        SimpleDocTemplate(str(path), initialFontName=_font()).build(story)
        out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
        boxes.append([line for line in out.splitlines() if line.lstrip().startswith("<word")])
    assert len(boxes[0]) >= 5
    assert boxes[1] == boxes[0]
