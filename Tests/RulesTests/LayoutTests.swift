import SheetModel
import Testing
@testable import Rules

@Suite struct WideLayoutTests {
    @Test func cleanParkFile() {
        let r = Grid.validate(Grid.wide([Grid.row(1, Grid.a, "巴中甲电子有限公司"), Grid.row(2, Grid.b, "巴中乙食品有限公司"),
                                         ["合计", nil, nil, 200.0, 1400.0, 190.0, 1320.0, 196.0, 1360.0, 7.0, 49.0, 240, 16],
                                         ["填表人：张三", nil, "联系电话：123"]]))
        #expect(r.findings.filter { $0.severity != .info }.isEmpty, "\(r.rules)")
        #expect(r.status == .accepted)
        #expect(r.submissions.count == 2)
        let s = r.submissions[0]
        #expect(s.uscc == Grid.a && s.period == "2024-07" && s.row == 5 && s.sheet == "月报")
        #expect(s.facts["gross_output"] == ["cur": 100, "ytd": 700])
        #expect(s.facts["employees_end"] == ["end": 120])
        #expect(s.usccCell?.description == "B5")
    }

    @Test func titleUnitConverts() {
        let r = Grid.validate(Grid.wide([Grid.row(1, Grid.a, "巴中甲电子有限公司")], unit: "单位：千元"))
        #expect(r.has("unit.converted", "A3", .info))
        #expect(r.submissions.first?.facts["gross_output"]?["cur"] == 10)
        #expect(r.submissions.first?.facts["employees_end"]?["end"] == 120)   // people are not money
    }

    /// Each converted cell is reported once, with the message of its own pair of units.
    @Test func conversionsAreReportedOncePerCell() {
        var c = UnitConversions(), findings: [Finding] = []
        for (cell, from, to) in [("A3", Unit.qianYuan, Unit.wanYuan), ("A4", .yuan, .wanYuan), ("A3", .qianYuan, .wanYuan),
                                 ("A5", .qianYuan, .wanYuan), ("A6", .kwh, .wanKwh)] {
            c.note(file: "a.xlsx", sheet: "月报", cell: CellRef(cell)!, from: from, to: to, into: &findings)
        }
        #expect(findings.map { $0.cell!.description } == ["A3", "A4", "A5", "A6"])
        let expected = [(Unit.qianYuan, Unit.wanYuan), (.yuan, .wanYuan), (.qianYuan, .wanYuan), (.kwh, .wanKwh)]
        #expect(findings.map(\.message) == expected.map { Messages.unitConvertedMessage(from: $0, to: $1) })
        #expect(findings[0].message.contains("千元") && findings[1].message.contains("“元”") && findings[3].message.contains("千瓦时"))
        #expect(findings.allSatisfy { $0.rule == "unit.converted" && $0.severity == .info })
    }

    @Test func twoRowHeaderWithMergedParents() {
        let sheet = Grid.sheet("Sheet1", [
            ["报告期：2024-07"],
            ["统一社会信用代码", "企业名称", "工业总产值（万元）", nil, "工业销售产值（万元）", nil, "营业收入(元)", nil, "实缴税金", nil, "从业人员"],
            [nil, nil, "本月", "1—7月", "本月", "累计", "本月", "本年累计", "当月", "1-本月", nil],
            [Grid.a, "巴中甲电子有限公司", 100.0, 700.0, 95.0, 660.0, 980000.0, 6800000.0, 3.5, 24.5, 120],
        ], merged: ["A2:A3", "B2:B3", "C2:D2", "E2:F2", "G2:H2", "I2:J2", "K2:K3"])
        let r = Grid.validate(sheet)
        #expect(!r.findings.contains { $0.severity == .error }, "\(r.rules)")
        let f = r.submissions.first?.facts
        #expect(f?["gross_output"] == ["cur": 100, "ytd": 700])
        #expect(f?["sales_output"] == ["cur": 95, "ytd": 660])
        #expect(f?["revenue"] == ["cur": 98, "ytd": 680])
        #expect(f?["tax_paid"] == ["cur": 3.5, "ytd": 24.5])
        #expect(r.has("unit.converted", "G2", .info))
    }

    @Test func twoRowHeaderWithoutMerges() {
        let sheet = Grid.sheet("Sheet1", [
            ["信用代码", "单位名称", "报告期", "产值", nil, "销售产值", nil, "营业收入", nil, "税收", nil, "用工人数"],
            [nil, nil, nil, "本月", "累计", "本月", "累计", "本月", "累计", "本月", "累计"],
            [Grid.a, "甲电子", "2024年7月", 100.0, 700.0, 95.0, 660.0, 98.0, 680.0, 3.5, 24.5, 120],
        ])
        let r = Grid.validate(sheet)
        #expect(r.status == .accepted, "\(r.rules)")
        #expect(r.submissions.first?.facts["tax_paid"] == ["cur": 3.5, "ytd": 24.5])
    }

    @Test func headerIsFoundByScoreNotPosition() {
        var rows: [[Any?]] = Array(repeating: ["说明文字"], count: 8)
        rows.append(Grid.header)
        rows.append(Grid.row(1, Grid.a, "巴中甲电子有限公司"))
        let r = Grid.validate(Grid.sheet("S", rows))
        #expect(r.submissions.count == 1, "\(r.rules)")
        #expect(r.submissions.first?.row == 10)
    }

    @Test func dataEndsAtFirstEmptyRow() {
        let sheet = Grid.sheet("S", [Grid.header, Grid.row(1, Grid.a, "巴中甲电子有限公司"), [],
                                     Grid.row(2, Grid.b, "巴中乙食品有限公司")])
        #expect(Grid.validate(sheet).submissions.count == 1)
    }

    @Test func headerProblems() {
        var header = Grid.header
        header.append("工业总产值（本月）")   // a second gross_output.cur
        header.append("主要产品")
        var row = Grid.row(1, Grid.a, "巴中甲电子有限公司")
        row += [100.0, "x"]
        let r = Grid.validate(Grid.sheet("S", [header, row]))
        #expect(r.has("header.duplicate_field", "N1", .error))
        #expect(r.has("header.unknown_column", "O1", .warning))
        #expect(r.status == .rejected && r.submissions.isEmpty)

        let missing = Grid.sheet("S", [Array(Grid.header.prefix(11)), Array(Grid.row(1, Grid.a, "巴中甲电子有限公司").prefix(11))])
        let m = Grid.validate(missing)
        #expect(m.findings.contains { $0.rule == "header.missing_field" && $0.field == "employees_end.end" && $0.cell == nil && $0.sheet == "S" })
    }

    @Test func unitConflicts() {
        var header = Grid.header
        header[3] = "工业总产值本月（千元）"
        let r = Grid.validate(Grid.wide([Grid.row(1, Grid.a, "巴中甲电子有限公司")], unit: "单位：万元").replacingRow(3, header))
        #expect(r.has("unit.conflict", "D4", .error), "\(r.rules)")
        #expect(r.status == .rejected)
        let cell = Grid.validate(Grid.wide([Grid.row(1, Grid.a, "巴中甲电子有限公司", ["D": "56人"])]))
        #expect(cell.has("unit.conflict", "D5"))
    }
}

extension SheetData {
    func replacingRow(_ index: UInt32, _ cells: [Any?]) -> SheetData {
        var copy = self
        let replacement = Grid.sheet(name, [cells], startRow: index).rows
        copy.rows = rows.filter { $0.index != index } + replacement
        copy.rows.sort { $0.index < $1.index }
        return copy
    }
}

@Suite struct LongLayoutTests {
    func b204(unit: String = "万元", period: Any = "2024年7月", extra: [[Any?]] = []) -> SheetData {
        Grid.sheet("B204-1", [
            ["工业产销总值及主要产品产量"],
            ["单位名称：巴中甲电子有限公司", nil, nil, "统一社会信用代码", Grid.a],
            ["报告期", period],
            ["指标名称", "计量单位", "代码", "本月", "1—本月", "上年同期本月", "上年同期累计"],
            ["工业总产值（当年价格）", unit, "01", 100.0, 700.0, 90.0, 600.0],
            ["工业销售产值", unit, "02", 95.0, 660.0, 88.0, 590.0],
            ["其中：出口交货值", unit, "03", 10.0, 70.0, nil, nil],
            ["营业收入", unit, "04", 98.0, 680.0, nil, nil],
            ["实缴税金", unit, "05", 3.5, 24.5, nil, nil],
            ["从业人员期末人数", "人", "06", 120, nil, 110, nil],
        ] + extra)
    }

    @Test func readsIndicatorTable() {
        let r = Grid.validate(b204())
        #expect(r.status == .accepted, "\(r.rules)")
        let f = r.submissions.first?.facts
        #expect(r.submissions.first?.uscc == Grid.a)
        #expect(f?["gross_output"] == ["cur": 100, "ytd": 700, "py_cur": 90, "py_ytd": 600])
        #expect(f?["employees_end"] == ["end": 120, "py_end": 110])
        #expect(f?["export_value"] == ["cur": 10, "ytd": 70])
    }

    @Test func unitColumnConverts() {
        let r = Grid.validate(b204(unit: "千元"))
        #expect(r.submissions.first?.facts["gross_output"]?["cur"] == 10)
        #expect(r.has("unit.converted", "B5", .info))
    }

    @Test func periodMismatchIsOnThePeriodCell() {
        let r = Grid.validate(b204(period: "2024年6月"))
        #expect(r.has("period.mismatch", "B3", .error))
        #expect(r.status == .rejected)
    }

    @Test func unknownIndicatorWithNumbersWarns() {
        let r = Grid.validate(b204(extra: [["主要产品产量：电子元件", "万个", "10", 5.0, 30.0]]))
        #expect(r.has("header.unknown_column", "A11", .warning))
    }
}

@Suite struct SheetMatchTests {
    @Test func noneAndAmbiguous() {
        let none = Grid.validate(Grid.sheet("说明", [["本表由企业填报"]]))
        #expect(none.findings.map(\.rule) == ["sheet.none_matched"])
        #expect(none.findings[0].sheet == nil && none.findings[0].cell == nil && none.status == .rejected)

        let one = Grid.wide([Grid.row(1, Grid.a, "巴中甲电子有限公司")])
        var two = one
        two.name = "副本"
        let amb = Grid.validate(one, two)
        #expect(amb.findings.map(\.rule) == ["sheet.ambiguous"])
    }

    @Test func lastMonthCopyStepsAside() {
        let now = Grid.wide([Grid.row(1, Grid.a, "巴中甲电子有限公司")])
        var last = Grid.wide([Grid.row(1, Grid.a, "巴中甲电子有限公司")], period: "报告期：2024年6月")
        last.name = "上月"
        let r = Grid.validate(Grid.sheet("说明", [["填报说明"]]), last, now)
        #expect(r.status == .accepted, "\(r.rules)")
        #expect(r.submissions.first?.sheet == "月报")
    }
}
