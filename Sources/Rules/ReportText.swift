/// The report for people: files worst first, each file's findings worst first, then a summary table.
extension ValidationReport {
    public func text(color: Bool) -> String {
        let paint = Paint(enabled: color)
        var out = ""
        let order: [FileStatus] = [.rejected, .acceptedWithWarnings, .accepted, .skipped]
        let sorted = files.enumerated().sorted {
            (order.firstIndex(of: $0.element.status)!, $0.offset) < (order.firstIndex(of: $1.element.status)!, $1.offset)
        }.map(\.element)
        for file in sorted {
            let badge: String
            switch file.status {
            case .rejected: badge = paint.red("【\(file.status.chinese)】")
            case .acceptedWithWarnings: badge = paint.yellow("【\(file.status.chinese)】")
            case .accepted: badge = paint.green("【\(file.status.chinese)】")
            case .skipped: badge = paint.dim("【\(file.status.chinese)】")
            }
            var head = "\(badge) \(paint.bold(file.path))"
            if let p = file.period { head += "  报告期 \(p)" }
            out += head + "\n"
            let findings = file.findings.enumerated().sorted {
                ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset)
            }.map(\.element)
            for f in findings {
                let sev: String
                switch f.severity {
                case .error: sev = paint.red("错误")
                case .warning: sev = paint.yellow("警告")
                case .info: sev = paint.dim("提示")
                }
                var place = ""
                if let s = f.sheet { place = f.cell.map { "\(s)!\($0)" } ?? s }
                var line = "  \(sev) "
                if !place.isEmpty { line += paint.bold(place) + " " }
                line += paint.dim("[\(f.rule)]")
                if let v = f.value { line += " 所填：「\(v)」" }
                out += line + "\n    " + f.message + "\n"
            }
            if !file.submissions.isEmpty { out += "  " + paint.dim("可入库 \(file.submissions.count) 行") + "\n" }
            out += "\n"
        }
        let rows: [(String, String)] = [
            ("文件数", "\(files.count)"), ("通过", "\(acceptedCount)"), ("退回", "\(rejectedCount)"),
            ("跳过", "\(skippedCount)"), ("错误", "\(errorCount)"), ("警告", "\(warningCount)"),
        ]
        out += paint.bold("检查汇总") + "\n" + Table.render(rows)
        if errorCount > 0 {
            out += paint.red("有错误：请按上述提示修改后重新报送。") + "\n"
        } else {
            out += paint.green("没有错误。") + "\n"
        }
        return out
    }
}

struct Paint {
    var enabled: Bool
    private func wrap(_ code: String, _ s: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func red(_ s: String) -> String { wrap("31;1", s) }
    func yellow(_ s: String) -> String { wrap("33", s) }
    func green(_ s: String) -> String { wrap("32", s) }
    func bold(_ s: String) -> String { wrap("1", s) }
    func dim(_ s: String) -> String { wrap("2", s) }
}

/// A two-column box table; CJK characters take two terminal columns.
enum Table {
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v)
            return n + (wide ? 2 : 1)
        }
    }

    static func pad(_ s: String, _ w: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, w - width(s)))
        return right ? fill + s : s + fill
    }

    static func render(_ rows: [(String, String)]) -> String {
        let w1 = rows.map { width($0.0) }.max() ?? 0, w2 = rows.map { width($0.1) }.max() ?? 0
        let line = { (l: String, m: String, r: String) in
            l + String(repeating: "─", count: w1 + 2) + m + String(repeating: "─", count: w2 + 2) + r + "\n"
        }
        var out = line("┌", "┬", "┐")
        for (a, b) in rows { out += "│ \(pad(a, w1)) │ \(pad(b, w2, right: true)) │\n" }
        return out + line("└", "┴", "┘")
    }
}
