import SheetModel
import ZipXML

/// Checks submissions against the schema, the registry and (when given) last month's stored rows.
public struct Validator: Sendable {
    public var schema: Schema
    public var registry: Registry?
    public var prior: (any PriorPeriodSource)?
    /// How a path (with its bytes when they were read whole) becomes a workbook; the XLSX reader
    /// by default, replaceable in tests.
    public var load: @Sendable (String, FileBytes?) throws -> WorkbookData

    public init(schema: Schema, registry: Registry? = nil, prior: (any PriorPeriodSource)? = nil,
                load: @escaping @Sendable (String, FileBytes?) throws -> WorkbookData = Validator.readWorkbook(_:bytes:)) {
        self.schema = schema
        self.registry = registry
        self.prior = prior
        self.load = load
    }

    /// Checks one workbook already in memory. `period` ("YYYY-MM") is the batch period; a month
    /// folder in `file` (`…/2024-07/x.xlsx`) takes precedence over it.
    public func validate(workbook: WorkbookData, file: String, period: String?) -> FileReport {
        let batch = PeriodParser.folderPeriod(of: file) ?? period.flatMap(Period.init)
        var findings: [Finding] = []
        let labels = schema.matcher.caches.take()
        defer { schema.matcher.caches.give(labels) }
        let layouts = workbook.sheets.filter { $0.kind == .worksheet }.compactMap { sheet -> SheetLayout? in
            // One grid per sheet: both readers look at the same header cells.
            let grid = SheetGrid(sheet, matcher: schema.matcher, cache: labels)
            let layout = LongLayout.read(grid, schema: schema, file: file) ?? WideLayout.read(grid, schema: schema, file: file)
            return layout?.isCandidate == true ? layout : nil
        }
        guard let layout = choose(layouts, workbook: workbook, file: file, batch: batch, findings: &findings) else {
            return finish(file: file, findings: findings, submissions: [], period: batch)
        }
        findings += layout.findings

        // The sheet's own period (title line or metadata), checked against the batch.
        var sheetPeriod: Period?
        // A period that cannot be read is every row's: no row is accepted under it, as a long
        // sheet's unreadable 报告期 cell rejects its row.
        var periodUnreadable = false
        if let entry = layout.titlePeriod {
            switch PeriodParser.parse(entry.value, system: workbook.dateSystem) {
            case .period(let p):
                sheetPeriod = p
                if let batch, batch != p {
                    findings.append(Messages.periodMismatch(file: file, sheet: layout.sheet, cell: entry.cell,
                                                            value: Display.text(entry.value), seen: p, batch: batch))
                }
            case .ambiguous:
                periodUnreadable = true
                findings.append(Messages.periodAmbiguous(file: file, sheet: layout.sheet, cell: entry.cell, value: Display.text(entry.value)))
            case .invalid:
                periodUnreadable = true
                findings.append(Messages.periodInvalid(file: file, sheet: layout.sheet, cell: entry.cell, value: Display.text(entry.value)))
            case .empty: break
            }
        }
        let effective = batch ?? sheetPeriod
        let checker = RecordChecker(schema: schema, registry: registry, prior: prior, file: file, sheet: layout.sheet,
                                    dateSystem: workbook.dateSystem, period: effective, batch: batch)
        let outcomes = layout.records.map(checker.check)
        findings += missingFields(layout, outcomes: outcomes, period: effective, file: file)
        if let effective, let named = PeriodParser.fileNamePeriod(of: file), named != effective {
            // Reported at the cell holding the period, when the sheet has one.
            let at = layout.titlePeriod ?? layout.records.first?.entries[schema.slots.period]
            findings.append(Messages.filenameMismatch(file: file, sheet: at == nil ? nil : layout.sheet, cell: at?.cell,
                                                      named: named, effective: effective))
        }
        var rows = outcomes
        if periodUnreadable { for i in rows.indices { rows[i].submission = nil } }
        SheetChecks.duplicates(&rows, file: file, sheet: layout.sheet)
        for o in rows { findings += o.findings }
        findings += SheetChecks.totals(layout, rows: rows, schema: schema, file: file)
        return finish(file: file, findings: findings, submissions: rows.compactMap(\.submission),
                      period: (effective ?? rows.lazy.compactMap(\.period).first))
    }

    func finish(file: String, findings: [Finding], submissions: [Submission], period: Period?) -> FileReport {
        let rf = findings.contains { $0.severity == .error && $0.rejectsFile }
        let kept = rf ? [] : submissions
        return FileReport(path: file, status: FileReport.status(findings: findings, submissions: kept), findings: findings,
                          submissions: kept, period: period?.description)
    }

    /// Exactly one sheet must match (§4). When several do, a sheet whose period is another month
    /// (a 上月 copy) or that is hidden steps aside before we call it ambiguous.
    private func choose(_ layouts: [SheetLayout], workbook: WorkbookData, file: String, batch: Period?,
                        findings: inout [Finding]) -> SheetLayout? {
        if layouts.count == 1 { return layouts[0] }
        if layouts.isEmpty {
            findings.append(Messages.noneMatched(file: file, sheets: workbook.sheets.map(\.name)))
            return nil
        }
        var rest = layouts.filter { !$0.hidden }
        if rest.count > 1, let batch {
            let same = rest.filter { l in
                guard let e = l.titlePeriod ?? l.records.first?.entries[schema.slots.period],
                      case .period(let p) = PeriodParser.parse(e.value, system: workbook.dateSystem) else { return true }
                return p == batch
            }
            if !same.isEmpty { rest = same }
        }
        if rest.count > 1 {
            let notLast = rest.filter { l in !["上月", "上期", "去年", "上年"].contains { l.sheet.contains($0) } }
            if !notLast.isEmpty { rest = notLast }
        }
        if rest.count == 1 { return rest[0] }
        findings.append(Messages.ambiguous(file: file, sheets: (rest.isEmpty ? layouts : rest).map(\.sheet)))
        return nil
    }

    /// header.missing_field: required fields (both cur and ytd for flows) with no column or indicator.
    private func missingFields(_ layout: SheetLayout, outcomes: [RowOutcome], period: Period?, file: String) -> [Finding] {
        var out: [Finding] = []
        let producing = registry == nil || outcomes.contains { o in o.uscc.map { registry?[$0]?.isProducing ?? true } ?? true }
        for field in schema.fields {
            let needed: Bool
            switch field.required {
            case .always: needed = true
            case .never: needed = false
            case .exceptJanuary: needed = period?.isJanuary != true
            case .ifProducing: needed = producing
            }
            guard needed else { continue }
            if field.kind == .period {
                if period == nil, layout.titlePeriod == nil, !layout.present.contains(schema.slots.period) {
                    out.append(Messages.missingField(file: file, sheet: layout.sheet, field: field, part: nil))
                }
                continue
            }
            let parts: [Part?] = field.kind.isNumeric ? field.requiredParts : [nil]
            for part in parts where !layout.present.contains(schema.slots.slot(field, part)) {
                out.append(Messages.missingField(file: file, sheet: layout.sheet, field: field, part: part))
            }
        }
        return out
    }
}
