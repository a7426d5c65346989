/// Decides whether a number format shows a date or time, the way the corpus reference (openpyxl's
/// `is_date_format`) does: only the first section counts; quoted literals and bracketed tokens
/// (colours, locales) are ignored, except the elapsed-time tokens [h] [hh] [m] [mm] [s] [ss];
/// a date letter escaped by `\` or following `_` does not count.
enum NumberFormat {
    /// Built-in format codes by id (ECMA-376 §18.8.30); ids not listed here read as General.
    static let builtins: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
        9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
        14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
        19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
        37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)",
        40: "#,##0.00_);[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
        48: "##0.0E+0", 49: "@",
    ]

    static func isDate(_ code: String) -> Bool {
        var chars: [Character] = []
        let source = Array(code.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        var i = 0
        while i < source.count {
            let c = source[i]
            if c == "\"", let close = source[(i + 1)...].firstIndex(of: "\"") {
                i = close + 1  // a quoted literal
                continue
            }
            if c == "[", let close = source[(i + 1)...].firstIndex(of: "]") {
                let inner = String(source[(i + 1)..<close])
                if !elapsedTokens.contains(inner) {
                    i = close + 1  // a colour, locale or condition
                    continue
                }
            }
            chars.append(c)
            i += 1
        }
        for (k, c) in chars.enumerated() where dateLetters.contains(c) {
            if k > 0 && (chars[k - 1] == "_" || chars[k - 1] == "\\") { continue }
            return true
        }
        return false
    }

    private static let elapsedTokens: Set<String> = ["h", "hh", "m", "mm", "s", "ss"]
    private static let dateLetters: Set<Character> = ["d", "m", "h", "y", "s", "D", "M", "H", "Y", "S"]
}
