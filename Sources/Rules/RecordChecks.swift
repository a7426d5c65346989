import SheetModel

/// What one enterprise row yields: its findings, its canonical values (kept even when the row is
/// rejected, for the 合计 check) and, when no error was found, its submission.
struct RowOutcome {
    var findings: [Finding] = []
    var values: FieldTable<Double>
    var uscc: String?
    var usccCell: CellRef?
    var name: String?
    var period: Period?
    var submission: Submission?
}

/// The rules of DOMAIN.md §6 that look at one row (and at the same enterprise last month).
struct RecordChecker {
    let schema: Schema
    let registry: Registry?
    let prior: (any PriorPeriodSource)?
    let file: String
    let sheet: String
    let dateSystem: DateSystem
    /// The batch period (folder or --period), or the sheet's own when there is none.
    let period: Period?
    let batch: Period?

    func finding(_ rule: String, _ severity: Severity, _ entry: Entry?, _ key: FieldKey?, _ message: String,
                         rf: Bool = false, value: String? = nil) -> Finding {
        Finding(rule: rule, severity: severity, file: file, sheet: sheet, cell: entry?.cell, field: key?.name,
                value: value ?? entry.flatMap { Display.text($0.value) }, message: message, rejectsFile: rf)
    }

    func label(_ key: FieldKey) -> String {
        guard let f = schema.field(key.id) else { return key.name }
        return Messages.name(f, key.part)
    }

    var slots: FieldSlots { schema.slots }

    func check(_ record: Record) -> RowOutcome {
        var out = RowOutcome(values: FieldTable(slots, capacity: record.entries.count))
        checkIdentity(record, &out)
        checkPeriod(record, &out)
        let enterprise = out.uscc.flatMap { registry?[$0] }
        let rowPeriod = out.period ?? period
        // Sorted as (cell, slot) pairs: moving whole entries around made sorting the costly part.
        var order = record.entries.mapFilled { slot, entry in (cell: entry.cell, slot: slot) }
        order.sort { $0.cell < $1.cell }
        for (_, slot) in order {
            let field = slots.field(slot), entry = record.entries[slot]!
            guard field.kind.isNumeric, let canonical = field.unit else { continue }
            checkNumber(slot, field, canonical, entry, rowPeriod, enterprise, &out)
        }
        checkRelations(record, rowPeriod, enterprise, &out)
        if let uscc = out.uscc, let p = rowPeriod { checkAgainstLastMonth(record, uscc, p, &out) }
        if let uscc = out.uscc, let p = rowPeriod, !out.findings.contains(where: { $0.severity == .error }) {
            out.submission = Submission(uscc: uscc, name: out.name ?? "", period: p.description, values: slots.facts(out.values),
                                        sheet: sheet, row: Int(record.row) + 1, usccCell: out.usccCell)
        }
        return out
    }

    // MARK: identity

    private func checkIdentity(_ record: Record, _ out: inout RowOutcome) {
        let key = FieldKey(id: "uscc")
        let entry = record.entries[slots.uscc]
        out.usccCell = entry?.cell
        let nameEntry = record.entries[slots.enterpriseName]
        out.name = nameEntry?.value.plainText
        switch entry?.value {
        case nil, .empty?:
            if let entry { out.findings.append(finding("value.required", .error, entry, key, "统一社会信用代码为必填项，此处为空。请填写 18 位统一社会信用代码。")) }
        case .number(let d)?, .dateSerial(let d)?:
            out.findings.append(finding("uscc.precision_lost", .error, entry, key,
                "统一社会信用代码被存成了数字（\(NumberText.format(d))），第 15 位之后的数字已丢失。请把该单元格设为文本格式，重新录入完整的 18 位代码。"))
        case .text(let raw)?:
            if raw.trimmingWhitespace().isEmpty || schema.isPlaceholder(Label.normalizeValueText(raw)) {
                out.findings.append(finding("value.required", .error, entry, key, "统一社会信用代码为必填项，此处为空。请填写 18 位统一社会信用代码。"))
                break
            }
            let (code, changed) = USCC.normalize(raw)
            switch USCC.check(code) {
            case .format?:
                out.findings.append(finding("uscc.format", .error, entry, key,
                    "统一社会信用代码应为 18 位，由数字和大写字母组成（不含 I、O、S、V、Z），此处为 \(code.count) 位“\(code)”。请核对营业执照后改正。"))
                return
            case let problem?:
                let which = problem == .checksum17 ? "第 17 位（组织机构代码校验位）" : problem == .checksum18 ? "第 18 位（校验位）" : "前两位（登记管理部门/机构类别）"
                out.findings.append(finding("uscc.checksum", .error, entry, key,
                    "统一社会信用代码“\(code)”\(which)校验不通过，可能录入有误。请对照营业执照逐位核对。"))
                return
            case nil:
                break
            }
            if changed {
                out.findings.append(finding("uscc.normalized", .warning, entry, key,
                    "统一社会信用代码含小写字母、全角字符、空格或连字符，已按“\(code)”读取。请今后直接填写 18 位大写代码。"))
            }
            out.uscc = code
            guard let registry else { break }
            guard let e = registry[code] else {
                out.findings.append(finding("enterprise.unknown", .error, entry, key,
                    "统一社会信用代码“\(code)”不在园区企业名录中。请核对代码；如为新入园企业，请先联系园区统计办登记。"))
                break
            }
            if let name = out.name, let nameEntry, !registry.nameMatches(name, e) {
                out.findings.append(finding("enterprise.name_mismatch", .warning, nameEntry, FieldKey(id: "enterprise_name"),
                    "企业名称“\(name)”与企业名录中的“\(e.name)”不一致。请填写营业执照上的全称；如已更名，请通知园区统计办更新名录。"))
            }
        default:
            out.findings.append(finding("uscc.format", .error, entry, key, "统一社会信用代码无法识别。请填写 18 位统一社会信用代码。"))
        }
        if let nameEntry, nameEntry.value.isEmpty || (nameEntry.value.text.map { schema.isPlaceholder(Label.normalizeValueText($0)) } ?? false) {
            out.findings.append(finding("value.required", .error, nameEntry, FieldKey(id: "enterprise_name"), "企业名称为必填项，此处为空。请填写营业执照上的企业全称。"))
        }
    }

    private func checkPeriod(_ record: Record, _ out: inout RowOutcome) {
        guard let entry = record.entries[slots.period] else { return }
        switch PeriodParser.parse(entry.value, system: dateSystem) {
        case .empty: return
        case .invalid: out.findings.append(Messages.periodInvalid(file: file, sheet: sheet, cell: entry.cell, value: Display.text(entry.value)))
        case .ambiguous: out.findings.append(Messages.periodAmbiguous(file: file, sheet: sheet, cell: entry.cell, value: Display.text(entry.value)))
        case .period(let p):
            out.period = p
            if let batch, batch != p {
                out.findings.append(Messages.periodMismatch(file: file, sheet: sheet, cell: entry.cell, value: Display.text(entry.value),
                                                            seen: p, batch: batch))
            }
        }
    }

    // MARK: one number

    private func isRequired(_ field: FieldSpec, _ part: Part, _ period: Period?, _ e: Registry.Enterprise?) -> Bool {
        guard field.requiredParts.contains(part) else { return false }
        switch field.required {
        case .always: return true
        case .never: return false
        case .exceptJanuary: return period?.isJanuary != true
        case .ifProducing: return registry == nil || e == nil || e!.isProducing
        }
    }

    private func checkNumber(_ slot: Int, _ field: FieldSpec, _ canonical: Unit, _ entry: Entry, _ period: Period?,
                             _ enterprise: Registry.Enterprise?, _ out: inout RowOutcome) {
        // Only findings need these.
        var key: FieldKey { slots.key(slot) }
        var name: String { label(key) }
        switch NumberText.parse(entry.value, placeholders: schema.placeholders) {
        case .empty:
            if let part = slots.part(slot), isRequired(field, part, period, enterprise) {
                let shown = Display.text(entry.value)
                out.findings.append(finding("value.required", .error, entry, key,
                    "\(name)为必报项，此处\(shown == nil ? "为空" : "只填了占位符")（占位符不算 0）。请填写数值；确实为零请填 0。"))
            }
        case .uncachedFormula:
            if let part = slots.part(slot), isRequired(field, part, period, enterprise) {
                out.findings.append(finding("value.formula_uncached", .error, entry, key,
                    "\(name)是公式，但文件里没有保存计算结果（可能由未计算公式的软件生成）。请在 Excel 或 WPS 中打开、重新计算并保存，或直接填写数值。"))
            }
        case .error(let e):
            out.findings.append(finding("value.error_cell", .error, entry, key,
                "\(name)是公式错误值 \(e)。请检查公式引用，或直接填写数值。"))
        case .notNumber:
            out.findings.append(finding("value.not_number", .error, entry, key,
                "\(name)应为数值，此处无法读成数字。请只填写数字（如 1234.5），不要夹带文字。"))
        case .number(let raw, let fromText, let cellUnit):
            var unit = entry.unit
            if let cu = cellUnit {
                if cu.dimension != canonical.dimension {
                    out.findings.append(finding("unit.conflict", .error, entry, key,
                        "\(name)应以“\(canonical.name)”计，单元格里却写了“\(cu.name)”。请删去单元格中的单位，按表头单位填写数字。", rf: true))
                    return
                }
                unit = cu
            }
            let value = raw * (unit?.factor ?? 1)
            if fromText {
                out.findings.append(finding("value.text_number", .warning, entry, key,
                    "\(name)是以文本形式填写的数字，已按 \(NumberText.format(value)) \(canonical.name) 读取。请把单元格设为数值格式，只填数字。"))
            }
            if let cu = cellUnit, !cu.isCanonical {
                out.findings.append(finding("unit.converted", .info, entry, key, "已把“\(cu.name)”换算为“\(canonical.name)”：\(NumberText.format(value))。"))
            }
            out.values[slot] = value
            if field.integer, value != value.rounded() {
                out.findings.append(finding("value.not_integer", .error, entry, key, "\(name)应为整数，此处为 \(NumberText.format(value))。请填写整数人数。"))
            }
            if let max = field.max, value > max {
                out.findings.append(finding("value.out_of_range", .error, entry, key,
                    "\(name)为 \(NumberText.format(value))，超出合理范围（不超过 \(NumberText.format(max))）。请核对是否多填了位数或单位。"))
            }
            if value < 0 || (value == 0 && field.zeroWarning && slots.part(slot) != .pyCur && slots.part(slot) != .pyYtd) {
                switch field.negative {
                case .allowed: break
                case .warning:
                    out.findings.append(finding("value.negative", .warning, entry, key,
                        "\(name)为 \(NumberText.format(value))（不大于 0）。请确认是否有退税等情况；如填错请改正。"))
                case .error:
                    if value < 0 {
                        out.findings.append(finding("value.negative", .error, entry, key, "\(name)不能为负数，此处为 \(NumberText.format(value))。请改正。"))
                    }
                }
            }
        }
    }
}
