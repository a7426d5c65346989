import SheetModel

/// The report's period, as shown ("2024年7月") and as used in file names ("2024-07").
struct ReportPeriod {
    let text: String
    let year: Int?
    let month: Int?

    init(_ text: String) {
        self.text = text
        let parts = text.split(separator: "-")
        if parts.count == 2, parts[0].count == 4, parts[1].count == 2,
           let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) {
            year = y
            month = m
        } else {
            year = nil
            month = nil
        }
    }

    var isValid: Bool { year != nil }

    /// "2024年7月"; the raw text when it is not YYYY-MM.
    var display: String {
        guard let year, let month else { return text }
        return "\(year)年\(month)月"
    }

    /// "1—7月": the span 累计 figures cover.
    var ytdSpan: String {
        guard let month else { return "本年累计" }
        return month == 1 ? "1月" : "1—\(month)月"
    }

    /// The workbook's creation stamp: the first day after the period, when the report can first
    /// be compiled. Fixed, so the same summary gives the same bytes.
    var created: CivilDateTime {
        guard let year, let month else { return CivilDateTime(year: 2000, month: 1, day: 1) }
        return month == 12 ? CivilDateTime(year: year + 1, month: 1, day: 1) : CivilDateTime(year: year, month: month + 1, day: 1)
    }

    /// "7月" for a trend point "2024-07".
    static func monthLabel(_ period: String) -> String {
        let p = ReportPeriod(period)
        guard let m = p.month else { return period }
        return "\(m)月"
    }
}
