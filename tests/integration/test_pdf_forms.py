"""The four rectification forms (通知书 + 回执, 验收单, 治理方案, 重大隐患报告) rendered from sample models:
their Chinese text as extracted, the QR and 核验码, 副本 on a reprint, embedded fonts only, one page
for the report to the regulator."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

from pypdf import PdfReader

from hazard_desktop.adapters.pdf.sheets import ReportLabSheetRenderer
from hazard_desktop.domain.verification import qr_payload, record_digest, short_code
from hazard_desktop.services.form_models import (
    AcceptanceForm,
    FormEvaluation,
    FormHazard,
    FormLine,
    FormSigner,
    MajorReportForm,
    NoticeForm,
    TreatmentPlanForm,
)
from hazard_desktop.services.sheet_models import SheetDocument, SheetPhoto
from tests.integration.test_pdf_sheets import (
    LONG_DESCRIPTION,
    PLANT,
    assert_fonts_embedded,
    assert_page_renders,
    jpeg,
    pdftotext,
)

NUMBER = "YH-2026-0012"


def code(name: str) -> str:
    return short_code(record_digest({"form": name, "hazard": NUMBER}))


def hazard(*, major: bool = False, description: str = "液氯汽化器出口压力表失准，法兰处轻微泄漏。") -> FormHazard:
    return FormHazard(
        description=description,
        location="二号罐区 液氯汽化器 E-203 出口管线（设备位号 PI-2031）",
        category="4.5 设备设施 / 4.5.1 压力容器及附件",
        found_at="2026-11-03 09:40",
        found_by="赵磊（安全环保部）",
        grade="重大事故隐患" if major else "一般事故隐患（显著危险）",
        grading_sheet_no="PD-2026-0012",
        basis=("121-7（第七条）涉及危险化工工艺的装置未实现自动化控制",) if major else (),
    )


def notice(*, copy_no: int = 0, description: str | None = None) -> NoticeForm:
    return NoticeForm(
        plant_name=PLANT,
        sheet_no="TZ-2026-0012",
        hazard_number=NUMBER,
        hazard=hazard(description=description) if description else hazard(),
        to_department="合成氨车间",
        to_person="陈志强",
        issued_on="2026年11月4日",
        issued_by="王建国",
        issuer_department="安全环保部",
        assignment=(
            FormLine("定责任", "合成氨车间 陈志强（车间主任）"),
            FormLine("定措施", "更换经检定合格的压力表；紧固法兰并更换垫片，肥皂水检漏合格。"),
            FormLine("定资金", "3,500.00 元（车间维修费用）"),
            FormLine("定时限", "2026年11月19日前完成"),
            FormLine("定预案", "整改期间每班巡检两次，现场配备正压式空气呼吸器两套。"),
        ),
        deadline="2026年11月19日",
        requirement="需要整改，15日内完成",
        verify_code=code("notice"),
        qr_payload=qr_payload(code("notice"), NUMBER),
        copy_no=copy_no,
        interim="泄漏点下风向设置警戒区，禁止无关人员进入。",
        history=("原期限 2026年11月12日；2026年11月10日经安全环保部批准延期至 2026年11月19日（备件到货延迟）",),
    )


def acceptance(*, major: bool = False, copy_no: int = 0, result: str = "") -> AcceptanceForm:
    acceptors = (
        (FormSigner("验收组长", "王建国", "安全环保部"), FormSigner("成员", "李秀英", "生产技术部"),
         FormSigner("成员", "张伟", "设备动力部"))
        if major
        else (FormSigner("验收人", "王建国", "安全环保部"),)
    )  # fmt: skip
    return AcceptanceForm(
        plant_name=PLANT,
        sheet_no="YS-2026-0012",
        hazard_number=NUMBER,
        hazard=hazard(major=major),
        responsible_department="合成氨车间",
        responsible_person="陈志强",
        deadline="2026年11月19日",
        requested_on="2026年11月18日",
        measures_taken="已更换压力表（检定证书 JD-2026-1187），法兰垫片更换后检漏合格。",
        acceptors=acceptors,
        verify_code=code("acceptance"),
        qr_payload=qr_payload(code("acceptance"), NUMBER),
        copy_no=copy_no,
        funds="3,200.00 元（车间维修费用）",
        before=(SheetPhoto(jpeg(hue=10), "整改前 压力表"), SheetPhoto(jpeg(hue=30), "整改前 法兰")),
        after=(SheetPhoto(jpeg(hue=60), "整改后 压力表"),),
        evaluation=FormEvaluation("江苏某安全评价有限公司", "苏安评〔2026〕118号", "2026年11月17日", "治理达到预期效果")
        if major
        else None,
        result=result,
        accepted_on="2026年11月19日" if result else "",
        earlier_rounds=("2026年11月15日 王建国 退回：法兰仍有泄漏痕迹",),
        round_no=2,
        major=major,
    )


def plan(*, copy_no: int = 0) -> TreatmentPlanForm:
    return TreatmentPlanForm(
        plant_name=PLANT,
        sheet_no="FA-2026-0012",
        hazard_number=NUMBER,
        hazard=hazard(major=True),
        goal_and_tasks="实现氯化反应釜温度、压力的自动控制和紧急停车，消除涉及危险化工工艺装置未实现自动化控制的重大隐患。",
        methods_and_measures=(
            "委托有资质的设计单位完成自动化控制改造设计；安装 DCS 控制系统和 SIS 紧急停车系统；"
            "改造完成后进行联调和验收。"
        ),
        funds_and_materials="安全生产费用列支 860,000.00 元；DCS 机柜、调节阀、温度压力变送器由设备动力部采购。",
        organisation_and_people=(
            "成立治理领导小组：组长 总经理 孙立；副组长 安全总监 王建国；"
            "成员 生产技术部、设备动力部、合成氨车间负责人。"
        ),
        time_limit_and_requirements="2027年3月31日前完成改造并投用；每月向安全环保部书面报告进度。",
        safety_and_emergency=(
            "治理期间氯化工段部分停产；保留人工巡检每小时一次；修订液氯泄漏专项应急预案并于2026年11月组织演练。"
        ),
        verify_code=code("plan"),
        qr_payload=qr_payload(code("plan"), NUMBER),
        copy_no=copy_no,
        funds="860,000.00 元（安全生产费用）",
        deadline="2027年3月31日",
        shutdown="部分停产（氯化工段，自2026年11月5日起）",
        reports=(
            "2026年11月6日 向 ××市应急管理局 报告（文号 华化安〔2026〕21号）",
            "2026年11月8日 向 职工代表大会 报告",
        ),  # fmt: skip
        supervision="××市应急管理局 挂牌督办（督办编号 2026-07）",
        responsible_department="合成氨车间",
        responsible_person="陈志强",
        drawn_up_on="2026年11月5日",
        approver="孙立",
    )


def report(*, long: bool = False, copy_no: int = 0) -> MajorReportForm:
    text = LONG_DESCRIPTION if long else ""
    return MajorReportForm(
        plant_name=PLANT,
        sheet_no="BG-2026-0012",
        hazard_number=NUMBER,
        hazard=hazard(major=True),
        current_state=text or "氯化反应釜温度、压力靠人工调节，未设紧急停车系统。",
        cause=text or "装置建成于2008年，未按要求完成自动化改造。",
        harm=text or "一旦超温超压可能导致液氯泄漏，影响厂区及下风向居民区。",
        difficulty=text or "需停产改造，涉及设计、采购和安装，周期约五个月。",
        plan_lines=(
            FormLine("治理目标", "实现自动控制和紧急停车"),
            FormLine("治理措施", text or "安装 DCS 和 SIS 系统"),
            FormLine("治理资金", "860,000.00 元（安全生产费用）"),
            FormLine("负责人员", "合成氨车间 陈志强"),
            FormLine("治理时限", "2027年3月31日"),
        ),
        verify_code=code("report"),
        qr_payload=qr_payload(code("report"), NUMBER),
        copy_no=copy_no,
        addressee="××市应急管理局",
        reported_on="2026年11月6日",
        plan_no="FA-2026-0012",
        shutdown="部分停产（氯化工段，自2026年11月5日起）",
        interim="保留人工巡检每小时一次。",
        contact="王建国 0510-8888 1234",
        principal="孙立",
    )


def render(sheet: object, path: Path, title: str = "表") -> Path:
    ReportLabSheetRenderer().render(SheetDocument(title, (sheet,)), path)  # type: ignore[arg-type]
    return path


def flat(text: str) -> str:
    return "".join(text.split())


def test_notice_prints_the_five_items_deadline_and_the_receipt(tmp_path: Path) -> None:
    path = render(notice(), tmp_path / "notice.pdf")
    text = flat(pdftotext(path))
    for expected in ("隐患整改通知书", "致：合成氨车间（责任人：陈志强）", "定责任", "定措施", "定资金", "定时限",
                     "定预案", "3,500.00元（车间维修费用）", "整改期限", "2026年11月19日", "临时措施", "期限变更",
                     "签发人", "王建国（安全环保部）", "沿此线剪下", "隐患整改通知书回执", "通知书编号",
                     "TZ-2026-0012", "签收人", "部门负责人", f"核验码{code('notice')}"):  # fmt: skip
        assert expected in text, expected
    # the receipt names the notice's code so that a returned slip can be matched
    assert text.count(code("notice")) >= 2
    assert "副本" not in text
    assert len(PdfReader(path).pages) == 1
    assert_fonts_embedded(path)
    assert_page_renders(path, tmp_path)


def test_a_reprinted_form_is_stamped_copy(tmp_path: Path) -> None:
    for index, sheet in enumerate((notice(copy_no=1), acceptance(copy_no=2), plan(copy_no=1), report(copy_no=3))):
        text = flat(pdftotext(render(sheet, tmp_path / f"copy{index}.pdf")))
        assert "副本" in text
        assert f"第{sheet.copy_no + 1}次打印" in text


def test_a_long_notice_keeps_the_receipt_whole(tmp_path: Path) -> None:
    path = render(notice(description=LONG_DESCRIPTION), tmp_path / "long.pdf")
    pages = [flat(p.extract_text()) for p in PdfReader(path).pages]
    assert len(pages) >= 2
    receipt_pages = [i for i, p in enumerate(pages) if "签收意见" in p]
    assert len(receipt_pages) == 1
    receipt = pages[receipt_pages[0]]
    assert "签收人" in receipt and "通知书编号" in receipt


def test_acceptance_of_a_general_hazard_has_photos_side_by_side_and_one_signature(tmp_path: Path) -> None:
    path = render(acceptance(), tmp_path / "acceptance.pdf")
    text = flat(pdftotext(path))
    for expected in ("隐患整改验收单", "整改前后对比照片", "整改前", "整改后", "整改完成情况", "验收人签字",
                     "王建国", "以往验收", "退回：法兰仍有泄漏痕迹", "第2次验收", "□整改合格，同意销号"):  # fmt: skip
        assert expected in text, expected
    assert "治理效果评估" not in text
    assert "验收组成员签字" not in text
    images = [name for page in PdfReader(path).pages for name in page.images]
    assert len(images) == 3
    assert_fonts_embedded(path)
    assert_page_renders(path, tmp_path)


def test_acceptance_of_a_major_hazard_has_the_group_and_the_evaluation(tmp_path: Path) -> None:
    path = render(acceptance(major=True, result="整改合格，同意销号"), tmp_path / "major.pdf")
    text = flat(pdftotext(path))
    for expected in ("验收组成员签字", "验收组长", "李秀英", "张伟", "治理效果评估", "江苏某安全评价有限公司",
                     "苏安评〔2026〕118号", "治理达到预期效果", "整改合格，同意销号", "2026年11月19日"):  # fmt: skip
        assert expected in text, expected
    assert "□" not in text  # the conclusion is recorded: no boxes to tick


def test_plan_prints_the_six_contents_in_order(tmp_path: Path) -> None:
    path = render(plan(), tmp_path / "plan.pdf")
    text = flat(pdftotext(path))
    headings = ["（一）治理的目标和任务", "（二）采取的方法和措施", "（三）经费和物资的落实",
                "（四）负责治理的机构和人员", "（五）治理的时限和要求", "（六）安全措施和应急预案"]  # fmt: skip
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    for expected in ("重大事故隐患治理方案", "部分停产（氯化工段，自2026年11月5日起）", "挂牌督办", "督办编号2026-07",
                     "职工代表大会", "华化安〔2026〕21号", "主要负责人", "孙立", "860,000.00元"):  # fmt: skip
        assert expected in text, expected
    assert_fonts_embedded(path)


def test_report_to_the_regulator_has_the_three_parts_on_one_page(tmp_path: Path) -> None:
    for long in (False, True):
        path = render(report(long=long), tmp_path / f"report{long}.pdf")
        assert len(PdfReader(path).pages) == 1, "the report is one page"
        text = flat(pdftotext(path))
        for expected in ("重大事故隐患报告", "××市应急管理局：", "一、隐患的现状及其产生原因", "现状", "产生原因",
                         "二、隐患的危害程度和整改难易程度分析", "危害程度", "整改难易程度", "三、隐患的治理方案",
                         "FA-2026-0012", "主要负责人", "报告单位（盖章）", f"核验码{code('report')}"):  # fmt: skip
            assert expected in text, expected
        assert ("详见治理方案" in text) == long


def test_every_form_carries_its_qr(tmp_path: Path) -> None:
    path = render(plan(), tmp_path / "qr.pdf")
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "qr")], check=True)
    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", str(next(tmp_path.glob("qr*.png")))],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert decoded == qr_payload(code("plan"), NUMBER)


def test_forms_are_frozen_models() -> None:
    form = notice()
    assert isinstance(form.assignment, tuple)
    try:
        form.copy_no = 3  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:  # pragma: no cover
        raise AssertionError("NoticeForm is not frozen")
