"""View-models of the four printed rectification forms (issue 12), printed with the sheet machinery:

* :class:`NoticeForm` — 隐患整改通知书 with its 回执 (the reply slip the responsible department tears
  off, signs and returns);
* :class:`AcceptanceForm` — 隐患整改验收单: the fix, before/after photos side by side, the acceptors'
  signature lines and, for a major hazard, the evaluation record (令第16号 第十八条);
* :class:`TreatmentPlanForm` — 重大隐患治理方案 with the six contents of 令第16号 第十五条;
* :class:`MajorReportForm` — the one-page 重大隐患 report to the regulator (令第16号 第十四条: current
  state and cause; harm and difficulty; the treatment plan).

Like :mod:`.sheet_models` they carry values only, already formatted as printed; the fixed labels of the
forms belong to the renderer (the printed forms are the plant's Chinese records). Every form has the
attributes the page furniture reads: ``plant_name``, ``sheet_no`` (the form's number), ``hazard_number``,
``verify_code``, ``qr_payload`` and ``copy_no`` (0 = the original; n > 0 prints 副本 第{n+1}次打印).

Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass

from hazard_desktop.services.sheet_models import SheetPhoto, _check_copy_no, _tuple

#: The form titles as printed (also the document titles' first word).
TITLE_NOTICE = "隐患整改通知书"
TITLE_RECEIPT = "隐患整改通知书回执"
TITLE_ACCEPTANCE = "隐患整改验收单"
TITLE_PLAN = "重大事故隐患治理方案"
TITLE_REPORT = "重大事故隐患报告"


@dataclass(frozen=True, slots=True)
class FormLine:
    """A labelled value as printed: ``label`` (e.g. a 五定 label from the settings) and its text."""

    label: str
    text: str


@dataclass(frozen=True, slots=True)
class FormHazard:
    """The hazard as every form shows it.

    Attributes:
        description, location, category: as registered (``location`` with the equipment tag).
        found_at, found_by: when and by whom it was found, formatted.
        grade: the grading result as printed (``"一般事故隐患（显著危险）"``, ``"重大事故隐患"``).
        grading_sheet_no: the 隐患分级判定表 (or 争议裁决表) that graded it ("" when not graded by a panel).
        basis: what made it major (criteria cited, one line each); empty for a general hazard.
    """

    description: str
    location: str
    category: str
    found_at: str
    found_by: str
    grade: str
    grading_sheet_no: str = ""
    basis: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _tuple(self, "basis")


@dataclass(frozen=True, slots=True)
class FormSigner:
    """A person who signs a form: role as printed (``验收组长``, ``成员``), name, department."""

    role: str
    name: str
    department: str = ""


@dataclass(frozen=True, slots=True)
class NoticeForm:
    """隐患整改通知书 and its 回执.

    Attributes:
        to_department, to_person: the responsible department and person (致 …).
        issued_on: the date of the notice (the assignment), formatted.
        issued_by, issuer_department: who signs it (签发人) and for which department.
        assignment: the 五定 lines in the company's order, with the labels configured in the settings.
        deadline: the current deadline as printed (``"2026年12月20日"``, or ``"立即整改"``).
        requirement: what the grade requires (整改要求), e.g. the band's action.
        interim: interim safety measures while the fix is under way (may be empty).
        history: earlier deadlines and approved extensions, one line each (may be empty).
        on_the_spot: the hazard was fixed on the spot when found (当场整改): the notice records it.
    """

    plant_name: str
    sheet_no: str
    hazard_number: str
    hazard: FormHazard
    to_department: str
    to_person: str
    issued_on: str
    issued_by: str
    issuer_department: str
    assignment: tuple[FormLine, ...]
    deadline: str
    requirement: str
    verify_code: str
    qr_payload: str
    copy_no: int = 0
    interim: str = ""
    history: tuple[str, ...] = ()
    on_the_spot: bool = False

    def __post_init__(self) -> None:
        _tuple(self, "assignment")
        _tuple(self, "history")
        _check_copy_no(self.copy_no)


@dataclass(frozen=True, slots=True)
class FormEvaluation:
    """The evaluation of a major hazard's treatment before acceptance (令第16号 第十八条).

    Attributes:
        evaluated_by: own experts (named) or the evaluation agency, as printed.
        report_reference: the evaluation report's reference (文号/编号).
        evaluated_on: its date, formatted.
        conclusion: the evaluation's conclusion.
    """

    evaluated_by: str
    report_reference: str
    evaluated_on: str = ""
    conclusion: str = ""


@dataclass(frozen=True, slots=True)
class AcceptanceForm:
    """隐患整改验收单: one round of acceptance of a hazard's rectification.

    Attributes:
        responsible_department, responsible_person: who rectified.
        deadline: the deadline that applied, formatted.
        requested_on: when the fix was reported done (提请验收), formatted.
        measures_taken: what was done (整改措施落实情况).
        funds: money spent as printed (``"12,000.00 元（安全生产费用）"``; "" unknown).
        before, after: photos before and after the fix (printed side by side).
        acceptors: who accepts (one person for a general hazard; the group, 安环部 included, for a major
            one); each gets a signature line.
        evaluation: the evaluation record (major hazards); None for a general hazard.
        result: the conclusion when recorded (``"验收合格，同意销号"``, ``"不合格，退回整改：…"``); "" when the
            form is printed for the acceptors to fill in.
        accepted_on: the date of the conclusion ("" when not yet recorded).
        earlier_rounds: earlier acceptances refused (退回), one line each.
        round_no: the acceptance round (1 for the first; a refused fix asks again).
        major: the hazard is major (the form says which rules apply).
    """

    plant_name: str
    sheet_no: str
    hazard_number: str
    hazard: FormHazard
    responsible_department: str
    responsible_person: str
    deadline: str
    requested_on: str
    measures_taken: str
    acceptors: tuple[FormSigner, ...]
    verify_code: str
    qr_payload: str
    copy_no: int = 0
    funds: str = ""
    before: tuple[SheetPhoto, ...] = ()
    after: tuple[SheetPhoto, ...] = ()
    evaluation: FormEvaluation | None = None
    result: str = ""
    accepted_on: str = ""
    earlier_rounds: tuple[str, ...] = ()
    round_no: int = 1
    major: bool = False

    def __post_init__(self) -> None:
        for name in ("acceptors", "before", "after", "earlier_rounds"):
            _tuple(self, name)
        _check_copy_no(self.copy_no)


@dataclass(frozen=True, slots=True)
class TreatmentPlanForm:
    """重大事故隐患治理方案 (令第16号 第十五条) of one major hazard.

    Attributes:
        goal_and_tasks, methods_and_measures, funds_and_materials, organisation_and_people,
            time_limit_and_requirements, safety_and_emergency: the six contents, as written.
        funds: the amount and source as printed (also inside the third content's text when written so).
        deadline: the plan's time limit, formatted.
        shutdown: 停产停业 as printed (``"部分停产（自2026年11月2日起）"``, ``"未停产"``).
        reports: the reports made (to the regulator; to the workers' congress — 双报告), one line each.
        supervision: 挂牌督办 as printed (by whom, reference); "" when not supervised.
        responsible_department, responsible_person: who carries it out.
        drawn_up_on: the plan's date, formatted.
        approver: the principal (主要负责人) who approves it; signs the form.
    """

    plant_name: str
    sheet_no: str
    hazard_number: str
    hazard: FormHazard
    goal_and_tasks: str
    methods_and_measures: str
    funds_and_materials: str
    organisation_and_people: str
    time_limit_and_requirements: str
    safety_and_emergency: str
    verify_code: str
    qr_payload: str
    copy_no: int = 0
    funds: str = ""
    deadline: str = ""
    shutdown: str = ""
    reports: tuple[str, ...] = ()
    supervision: str = ""
    responsible_department: str = ""
    responsible_person: str = ""
    drawn_up_on: str = ""
    approver: str = ""

    def __post_init__(self) -> None:
        _tuple(self, "reports")
        _check_copy_no(self.copy_no)

    @property
    def contents(self) -> tuple[tuple[str, str], ...]:
        """The six contents with their printed headings, in the order of 令第16号."""
        return (
            ("（一）治理的目标和任务", self.goal_and_tasks),
            ("（二）采取的方法和措施", self.methods_and_measures),
            ("（三）经费和物资的落实", self.funds_and_materials),
            ("（四）负责治理的机构和人员", self.organisation_and_people),
            ("（五）治理的时限和要求", self.time_limit_and_requirements),
            ("（六）安全措施和应急预案", self.safety_and_emergency),
        )


@dataclass(frozen=True, slots=True)
class MajorReportForm:
    """The one-page 重大事故隐患 report to the regulator (令第16号 第十四条).

    Attributes:
        addressee: the regulator it goes to (``"××市应急管理局"``); "" prints a blank to fill in.
        reported_on: the report's date, formatted ("" prints a blank).
        current_state, cause: (一) the hazard's current state and its cause.
        harm, difficulty: (二) the degree of harm and the difficulty of the rectification.
        plan_lines: (三) the treatment plan in brief (goal, measures, funds, people, deadline), one line each.
        plan_no: the full plan's form number (the report refers to it).
        shutdown: 停产停业 as printed.
        interim: interim safety measures taken meanwhile.
        contact: contact person and telephone ("" prints a blank).
        principal: the principal (主要负责人) who signs.
    """

    plant_name: str
    sheet_no: str
    hazard_number: str
    hazard: FormHazard
    current_state: str
    cause: str
    harm: str
    difficulty: str
    plan_lines: tuple[FormLine, ...]
    verify_code: str
    qr_payload: str
    copy_no: int = 0
    addressee: str = ""
    reported_on: str = ""
    plan_no: str = ""
    shutdown: str = ""
    interim: str = ""
    contact: str = ""
    principal: str = ""

    def __post_init__(self) -> None:
        _tuple(self, "plan_lines")
        _check_copy_no(self.copy_no)


RectificationForm = NoticeForm | AcceptanceForm | TreatmentPlanForm | MajorReportForm
