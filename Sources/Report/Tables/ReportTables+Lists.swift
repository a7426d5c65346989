import Aggregate

extension ReportTables {
    /// 党建: organisation coverage within the stated scope, and members against employees.
    static func party(_ s: PeriodSummary) -> Table {
        let p = s.party
        var t = Table(name: "党建", title: title(s, "党建"),
                      note: "组织覆盖率 =（单建 + 联建）÷ 统计范围内企业数；统计范围：\(p.scope.isEmpty ? "未说明" : p.scope)",
                      columns: [TableColumn("项目"), TableColumn("数值", .integer), TableColumn("单位")])
        let none = p.scopeEnterprises - p.singleBranch - p.jointBranch
        t.rows = [
            [.text("统计范围"), .text(p.scope), .blank],
            [.text("范围内企业数"), .number(Double(p.scopeEnterprises)), .text("家")],
            [.text("单建党组织企业"), .number(Double(p.singleBranch)), .text("家")],
            [.text("联建党组织企业"), .number(Double(p.jointBranch)), .text("家")],
            [.text("尚无党组织企业"), .number(Double(max(none, 0))), .text("家")],
            [.text("单建率"), .value(p.singleBranchRate, .percent), .text("%")],
            [.text("组织覆盖率"), .value(p.coverageRate, .percent), .text("%")],
            [.text("党员人数"), .value(p.members), .text("人")],
            [.text("党员占从业人员比重"), .value(p.memberShareOfEmployees, .percent), .text("%")],
        ]
        return t
    }

    static let severityLabels = ["error": "错误", "warning": "警告", "info": "提示"]

    /// Findings with errors first, then warnings, then the rest; the input order within each.
    static func sortedFindings(_ findings: [FindingRow]) -> [FindingRow] {
        let rank = ["error": 0, "warning": 1, "info": 2]
        return findings.enumerated()
            .sorted { (rank[$0.element.severity] ?? 3, $0.offset) < (rank[$1.element.severity] ?? 3, $1.offset) }
            .map(\.element)
    }

    /// 校验问题: every finding with where it was found and what the cell held.
    static func findings(_ s: PeriodSummary) -> Table {
        let sorted = sortedFindings(s.findings)
        let errors = sorted.filter { $0.severity == "error" }.count
        var t = Table(name: "校验问题", title: title(s, "校验问题"),
                      note: "共 \(sorted.count) 条，其中错误 \(errors) 条（错误导致报表行被退回，须企业更正后重报）",
                      columns: [TableColumn("序号", .integer), TableColumn("严重程度"), TableColumn("文件"),
                                TableColumn("工作表"), TableColumn("单元格"), TableColumn("规则"), TableColumn("字段"),
                                TableColumn("值"), TableColumn("说明")])
        for (i, f) in sorted.enumerated() {
            t.rows.append([.number(Double(i + 1)), .text(severityLabels[f.severity] ?? f.severity), .text(f.file),
                           .text(f.sheet), .text(f.cell), .text(f.rule), .text(f.field.map { Indicators.field($0).label }),
                           .text(f.value), .text(f.message)])
        }
        return t
    }

    /// 催报名单: enterprises expected to report that have no accepted row.
    static func missing(_ s: PeriodSummary) -> Table {
        var t = Table(name: "催报名单", title: title(s, "催报名单"),
                      note: "应报 \(s.expected) 家，已报 \(s.reporting) 家，未报或报表被退回 \(s.missing.count) 家",
                      columns: [TableColumn("序号", .integer), TableColumn("统一社会信用代码"), TableColumn("企业名称")])
        for (i, e) in s.missing.enumerated() {
            t.rows.append([.number(Double(i + 1)), .text(e.uscc), .text(e.name)])
        }
        return t
    }

    /// 更正记录: figures that a later file changed, one row per changed value.
    static func revisions(_ s: PeriodSummary) -> Table {
        var t = Table(name: "更正记录", title: title(s, "更正记录"),
                      note: "企业重报后以新文件为准；金额单位：万元",
                      columns: [TableColumn("统一社会信用代码"), TableColumn("企业名称"), TableColumn("被更正文件"),
                                TableColumn("更正文件"), TableColumn("指标"), TableColumn("原值", .decimal),
                                TableColumn("新值", .decimal)])
        for r in s.revisions {
            let head: [TableCell] = [.text(r.uscc), .text(r.name), .text(r.supersededFile), .text(r.byFile)]
            let keys = Indicators.orderedKeys(r.changes.keys)
            if keys.isEmpty { t.rows.append(head + [.blank, .blank, .blank]) }
            for key in keys {
                let change = r.changes[key] ?? []
                let kind = Indicators.kind(forKey: key)
                let old = change.count > 0 ? change[0] : nil, new = change.count > 1 ? change[1] : nil
                t.rows.append(head + [.text(Indicators.header(forKey: key)), old.map { .number($0, kind) } ?? .blank,
                                      new.map { .number($0, kind) } ?? .blank])
            }
        }
        return t
    }
}
