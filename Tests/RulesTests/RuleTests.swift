import Foundation
import SheetModel
import Testing
@testable import Rules

@Suite struct RowRuleTests {
    func one(_ edits: [String: Any?], period: String = "2024-07", prior: (any PriorPeriodSource)? = nil,
             uscc: String = Grid.a, name: String = "巴中甲电子有限公司") -> FileReport {
        Grid.validate(Grid.wide([Grid.row(1, uscc, name, edits)], period: "报告期：\(period)"), period: period, prior: prior)
    }

    @Test func valueRules() {
        #expect(one(["D": "—"]).has("value.required", "D5", .error))
        #expect(one(["D": "见附件"]).has("value.not_number", "D5", .error))
        #expect(one(["D": "1,000"]).has("value.text_number", "D5", .warning))
        #expect(one(["D": CellValue.error(CellError("#DIV/0!"))]).has("value.error_cell", "D5", .error))
        #expect(one(["F": -5.0]).has("value.negative", "F5", .error))
        #expect(one(["J": -0.85]).has("value.negative", "J5", .warning))
        #expect(one(["L": 150.5]).has("value.not_integer", "L5", .error))
        #expect(one(["L": 150_000]).has("value.out_of_range", "L5", .error))
        #expect(one(["D": "12.5万元"]).submissions.first?.facts["gross_output"]?["cur"] == 12.5)
        // Placeholders in optional fields are simply empty, never zero.
        #expect(one(["M": "/"]).submissions.first?.facts["party_members"] == nil)
    }

    @Test func januaryRevenueIsExempt() {
        let r = one(["E": 100.0, "H": nil, "I": nil], period: "2024-01")
        #expect(!r.has("value.required"), "\(r.rules)")
        #expect(one(["E": 101.0], period: "2024-01").has("ytd.january_mismatch", "E5", .error))
    }

    @Test func usccRules() {
        #expect(one([:], uscc: "91511903PDY000028").has("uscc.format", "B5", .error))
        #expect(one([:], uscc: "91511903PDY0000285").has("uscc.checksum", "B5", .error))
        let n = one([:], uscc: "91511903-pdy00001x4")
        #expect(n.has("uscc.normalized", "B5", .warning) && n.submissions.first?.uscc == Grid.a)
        #expect(one(["B": 9.151190300001234e17]).has("uscc.precision_lost", "B5", .error))
        #expect(one([:], uscc: "52511903PDY0003198").has("enterprise.unknown", "B5", .error))
        #expect(one([:], name: "甲电子").findings.isEmpty)                         // a registry alias
        #expect(one([:], name: "巴中甲电子科技公司").has("enterprise.name_mismatch", "C5", .warning))
    }

    @Test func relations() {
        #expect(one(["J": 30.0]).has("ytd.less_than_month", "K5", .error))
        #expect(one(["ZZ": nil, "N": 20.0]).findings.isEmpty)
        var header = Grid.header
        header.append("出口交货值本月")
        let sheet = Grid.sheet("S", [["报告期：2024-07"], header, Grid.row(1, Grid.a, "巴中甲电子有限公司", ["N": 96.0])])
        #expect(Grid.validate(sheet).has("export.exceeds_sales", "N3", .error))
        #expect(one(["M": 130]).has("party.exceeds_staff", "M5", .warning))
        #expect(one(["F": 60.0]).has("ratio.sales_output", "F5", .warning))
        let r = one([:], uscc: Grid.c, name: "巴中丙材料有限公司")
        #expect(r.has("enterprise.status_conflict", "D5", .warning))
    }

    @Test func notProducingMayLeaveOutputEmpty() {
        let r = one(["D": nil, "E": nil, "F": nil, "G": nil], uscc: Grid.c, name: "巴中丙材料有限公司")
        #expect(!r.has("value.required"), "\(r.rules)")
    }

    @Test func duplicatesAndTotals() {
        let rows = [Grid.row(1, Grid.a, "巴中甲电子有限公司"), Grid.row(2, Grid.b, "巴中乙食品有限公司"),
                    Grid.row(3, Grid.a, "巴中甲电子有限公司", ["D": 101.0]),
                    ["合计", nil, nil, 301.0, 2100.0, 295.0, 1980.0, 294.0, 2040.0, 10.5, 73.5, 360, 24]]
        let r = Grid.validate(Grid.wide(rows))
        #expect(r.has("enterprise.duplicate", "B7", .error))
        #expect(r.has("total.mismatch", "F8", .warning), "\(r.rules)")
        #expect(r.submissions.map(\.uscc) == [Grid.a, Grid.b])
        #expect(r.status == .acceptedWithWarnings)
    }

    @Test func periodRules() {
        let invalid = Grid.validate(Grid.wide([Grid.row(1, Grid.a, "巴中甲电子有限公司")], period: "报告期：2024年13月"))
        #expect(invalid.has("period.invalid", "A2", .error))
        // The title's period is every row's: none is accepted under a period that cannot be read,
        // though the batch (folder) gives one.
        #expect(invalid.submissions.isEmpty && invalid.status == .rejected)
        let ambiguous = Grid.validate(Grid.wide([Grid.row(1, Grid.a, "巴中甲电子有限公司"), Grid.row(2, Grid.b, "巴中乙食品有限公司")],
                                                period: "报告期：2024.1"))
        #expect(ambiguous.has("period.ambiguous", "A2", .error) && ambiguous.submissions.isEmpty && ambiguous.status == .rejected)
        let m = Grid.validate(Grid.wide([Grid.row(1, Grid.a, "巴中甲电子有限公司")], period: "报告期：2024年6月"))
        #expect(m.has("period.mismatch", "A2", .error) && m.status == .rejected)
        let f = Grid.validate(Grid.wide([Grid.row(1, Grid.a, "巴中甲电子有限公司")]), file: "in/甲-2024年6月.xlsx")
        #expect(f.has("period.filename_mismatch", "A2", .warning))
        // Without any period source the period is a missing field.
        let none = Grid.validate(Grid.sheet("S", [Grid.header, Grid.row(1, Grid.a, "巴中甲电子有限公司")]), period: nil)
        #expect(none.findings.contains { $0.rule == "header.missing_field" && $0.field == "period" })
        // The month folder gives the period and wins over --period.
        let folder = Grid.validate(Grid.sheet("S", [Grid.header, Grid.row(1, Grid.a, "巴中甲电子有限公司")]), period: "2024-07",
                                   file: "inbox/2024-06/甲.xlsx")
        #expect(folder.submissions.first?.period == "2024-06")
        // 1904 date system in a 报告期 column.
        var header = Grid.header
        header.append("报告期")
        let s = Grid.sheet("S", [header, Grid.row(1, Grid.a, "巴中甲电子有限公司", ["N": CellValue.dateSerial(44042)])])
        #expect(Grid.validate(s, system: .d1904).status == .accepted)
        #expect(Grid.validate(s, system: .d1900).has("period.mismatch", "N2"))
    }
}

@Suite struct PriorRuleTests {
    let june = Submission(uscc: Grid.a, name: "甲", period: "2024-06",
                          facts: ["gross_output": ["cur": 95, "ytd": 600], "sales_output": ["cur": 90, "ytd": 565],
                                  "revenue": ["cur": 90, "ytd": 582], "tax_paid": ["cur": 3.5, "ytd": 21],
                                  "employees_end": ["end": 118], "party_members": ["end": 8]],
                          sheet: "月报", row: 5)

    func july(_ edits: [String: Any?], prior: (any PriorPeriodSource)?) -> FileReport {
        Grid.validate(Grid.wide([Grid.row(1, Grid.a, "巴中甲电子有限公司", edits)]), prior: prior)
    }

    @Test func silentWithoutStoreOrLastMonth() {
        #expect(july(["E": 999.0], prior: nil).findings.isEmpty)
        #expect(july(["E": 999.0], prior: InMemoryPriorPeriods()).findings.isEmpty)
    }

    @Test func continuity() {
        let prior = InMemoryPriorPeriods([june])
        #expect(july([:], prior: prior).findings.isEmpty)                             // 600 + 100 = 700
        #expect(july(["E": 710.0], prior: prior).has("ytd.discontinuity", "E5", .warning))
        #expect(!july(["E": 700.4], prior: prior).has("ytd.discontinuity"))           // within 0.5 万元
    }

    @Test func swapped() {
        let r = july(["E": 100.0], prior: InMemoryPriorPeriods([june]))
        #expect(r.has("ytd.swapped", "E5", .warning) && !r.has("ytd.discontinuity"))
    }

    @Test func trends() {
        let prior = InMemoryPriorPeriods([june])
        #expect(july(["D": 950_000.0, "E": 950_600.0, "F": 900_000.0, "G": 900_565.0], prior: prior).has("trend.unit_suspected", "D5", .warning))
        #expect(july(["L": 200], prior: prior).has("trend.staff_jump", "L5", .warning))
        #expect(!july(["L": 130], prior: prior).has("trend.staff_jump"))
    }
}

@Suite struct ReportTests {
    @Test func jsonDocument() {
        let r = ValidationReport(files: [
            FileReport(path: "a\"b.xlsx", status: .rejected, findings: [
                Finding(rule: "value.required", severity: .error, file: "a", sheet: "月报", cell: CellRef("D5"), field: "gross_output.cur",
                        value: nil, message: "缺\n少"),
            ], submissions: []),
            Validator.skipped("~$x.xlsx", reason: "锁文件"),
        ])
        #expect(r.json() == #"{"files":[{"path":"a\"b.xlsx","status":"rejected","findings":[{"rule":"value.required","severity":"error","sheet":"月报","cell":"D5","field":"gross_output.cur","value":null,"message":"缺\n少"}]},{"path":"~$x.xlsx","status":"skipped","findings":[{"rule":"file.skipped","severity":"info","sheet":null,"cell":null,"field":null,"value":null,"message":"已跳过：锁文件。如这是要报送的报表，请另存为正常的 .xlsx 文件。"}]}],"summary":{"files":2,"accepted":0,"rejected":1,"skipped":1,"errors":1,"warnings":0}}"#)
        #expect(r.exitCode == 1)
    }

    @Test func textIsWorstFirstAndPlainWhenPiped() {
        let ok = FileReport(path: "ok.xlsx", status: .accepted, findings: [], submissions: [])
        let bad = Grid.validate(Grid.wide([Grid.row(1, Grid.a, "巴中甲电子有限公司", ["D": "—", "M": 130])]), file: "bad.xlsx")
        let text = ValidationReport(files: [ok, bad]).text(color: false)
        #expect(!text.contains("\u{1B}["))
        #expect(text.range(of: "bad.xlsx")!.lowerBound < text.range(of: "ok.xlsx")!.lowerBound)
        #expect(text.range(of: "错误 月报!D5")!.lowerBound < text.range(of: "警告 月报!M5")!.lowerBound)
        #expect(text.contains("所填：「—」") && text.contains("│ 错误   │ 1 │"))
        #expect(ValidationReport(files: [bad]).text(color: true).contains("\u{1B}[31;1m"))
    }

    @Test func textNamesEveryCellOfRepeatedFindingsOnOneLine() {
        func converted(_ cell: String, _ from: String = "千元", sheet: String = "主要指标") -> Finding {
            Finding(rule: "unit.converted", severity: .info, file: "a.xlsx", sheet: sheet, cell: CellRef(cell), value: from,
                    message: "数据以“\(from)”填报，已换算为“万元”。")
        }
        let findings = [converted("C6"), converted("C7"), converted("C8"), converted("C9", "元"), converted("C10"),
                        converted("C11", sheet: "上月")]
        let text = ValidationReport(files: [FileReport(path: "a.xlsx", status: .accepted, findings: findings, submissions: [])])
            .text(color: false)
        #expect(text.contains("提示 主要指标!C6、C7、C8 [unit.converted] 所填：「千元」\n"))
        // Another value, or another sheet, is a line of its own; the same again later is too.
        #expect(text.contains("提示 主要指标!C9 [unit.converted] 所填：「元」\n"))
        #expect(text.contains("提示 主要指标!C10 [unit.converted]"))
        #expect(text.contains("提示 上月!C11 [unit.converted]"))
        #expect(text.components(separatedBy: "[unit.converted]").count - 1 == 4)
        // The JSON document keeps one finding per cell.
        #expect(ValidationReport(files: [FileReport(path: "a.xlsx", status: .accepted, findings: findings, submissions: [])])
            .json().components(separatedBy: "unit.converted").count - 1 == 6)
    }
}

@Suite struct FileTests {
    @Test func skipsDuplicatesAndKeepsOrder() throws {
        let dir = try FileManager.default.url(for: .itemReplacementDirectory, in: .userDomainMask,
                                              appropriateFor: URL(fileURLWithPath: NSTemporaryDirectory()), create: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let month = dir.appendingPathComponent("2024-07")
        try FileManager.default.createDirectory(at: month, withIntermediateDirectories: true)
        for (name, body) in [("a.xlsx", "A"), ("b.xlsx", "B"), ("c.xlsx", "A"), ("~$a.xlsx", "lock"), ("empty.xlsx", ""),
                             ("企业名录.xlsx", "R"), (".hidden.xlsx", "H")] {
            try Data(body.utf8).write(to: month.appendingPathComponent(name))
        }
        let books: [String: WorkbookData] = [
            "A": Grid.book(Grid.wide([Grid.row(1, Grid.a, "巴中甲电子有限公司")])),
            "B": Grid.book(Grid.wide([Grid.row(1, Grid.a, "巴中甲电子有限公司", ["D": 101.0])])),
        ]
        let validator = Validator(schema: Grid.schema, registry: Grid.registry) { path, _ in
            let key = try String(contentsOfFile: path, encoding: .utf8)
            guard let b = books[key] else { throw SheetError(.notXLSX, file: path, message: "不是 xlsx") }
            return b
        }
        let report = validator.validate(paths: [dir.path], period: nil)
        let names = report.files.map { ($0.path as NSString).lastPathComponent }
        #expect(names == [".hidden.xlsx", "a.xlsx", "b.xlsx", "c.xlsx", "empty.xlsx", "~$a.xlsx"])
        let byName = Dictionary(uniqueKeysWithValues: zip(names, report.files))
        #expect(byName["a.xlsx"]?.status == .accepted)
        #expect(byName["b.xlsx"]?.findings.map(\.rule) == ["enterprise.duplicate"])
        #expect(byName["b.xlsx"]?.findings.first?.cell?.description == "B5")
        #expect(byName["c.xlsx"]?.findings.map(\.rule) == ["file.duplicate"] && byName["c.xlsx"]?.status == .skipped)
        for n in ["~$a.xlsx", "empty.xlsx", ".hidden.xlsx"] {
            #expect(byName[n]?.findings.map(\.rule) == ["file.skipped"] && byName[n]?.status == .skipped)
        }
        #expect(report.submissions.count == 1)
    }

    @Test func readerErrorsAreFileFindings() {
        let v = Validator(schema: Grid.schema) { p, _ in throw SheetError(.encrypted, file: p, message: "加密") }
        let path = NSTemporaryDirectory() + "/parkstat-enc-\(UUID().uuidString).xlsx"
        FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = v.validate(file: path, period: "2024-07")
        #expect(r.findings.map(\.rule) == ["file.encrypted"] && r.status == .rejected && r.findings[0].cell == nil)
    }
}

@Suite struct SchemaTests {
    @Test func overlayAddsAliasesFieldsAndChangesRequirements() throws {
        let s = try Schema.withOverlay(yaml: """
            fields:
              - id: tax_paid
                aliases: [税费合计]
              - id: party_members
                required: always
              - id: rd_spend
                label: 研发投入
                kind: flow
                unit: 万元
            ignored_labels: [审核意见]
            """)
        #expect(s.matcher.match("税费合计")?.field.id == "tax_paid")
        #expect(s.matcher.match("实缴税金")?.field.id == "tax_paid")
        #expect(s.field("party_members")?.required == .always)
        #expect(s.matcher.match("研发投入")?.field.kind == .flow)
        #expect(s.ignoredLabels.contains("审核意见") && s.ignoredLabels.contains("序号"))
    }

    @Test func badSchemaFilesExplainThemselves() {
        #expect(throws: SchemaError.self) { try Schema.withOverlay(yaml: "fields: [{id: x, kind: flow}]") }
        #expect(throws: SchemaError.self) { try Schema.withOverlay(yaml: "fields: [{id: y, label: 产值, kind: text}]") }
        #expect(throws: SchemaError.self) { try Schema.withOverlay(yaml: ": : :") }
    }

    @Test func registryReadsWithTheSameHeaderMatching() throws {
        let sheet = Grid.sheet("名录", [["巴中临港产业园企业名录"],
                                       ["序号", "统一社会信用代码", "企业名称", "曾用名/简称", "行业代码", "企业状态", "投产时间"],
                                       [1, Grid.a, "巴中甲电子有限公司", "甲电子、甲公司", 397, "投产", CellValue.dateSerial(45292)]])
        let r = try Registry.read(Grid.book(sheet), schema: Grid.schema)
        let e = try #require(r[Grid.a])
        #expect(e.aliases == ["甲电子", "甲公司"] && e.status == "投产")
        #expect(e.values["industry_code"] == "0397" && e.values["production_start"] == "2024-01-01")
        #expect(throws: RegistryError.self) { try Registry.read(Grid.book(Grid.sheet("x", [["无"]])), schema: Grid.schema) }
    }
}
