/// The registered styles, kept apart from their XML: each distinct font, fill, border and format
/// code is stored once, in first-use order, so the same calls give the same `styles.xml`.
struct StyleTable {
    private(set) var styles: [Style] = [Style()]
    private var styleIndex: [Style: Int] = [Style(): 0]
    private(set) var fonts: [Style.Font] = [Style.Font()]
    private(set) var fills: [Style.Fill?] = [nil, nil]  // 0 none and 1 gray125 are required by Excel
    private(set) var borders: [Style.Border?] = [nil]
    /// Custom format codes, numbered from 164 as Excel does.
    private(set) var formats: [String] = []

    /// Format codes Excel knows by id; writing those ids keeps them locale-aware in Excel.
    static let builtinFormats: [String: Int] = [
        "General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10,
        "0.00E+00": 11, "m/d/yyyy": 14, "h:mm": 20, "h:mm:ss": 21, "m/d/yyyy h:mm": 22, "@": 49,
    ]

    mutating func add(_ style: Style) -> StyleID {
        if let i = styleIndex[style] { return StyleID(i) }
        if let font = style.font, !fonts.contains(font) { fonts.append(font) }
        if let fill = style.fill, !fills.contains(fill) { fills.append(fill) }
        if let border = style.border, !borders.contains(border) { borders.append(border) }
        if let code = style.numberFormat, StyleTable.builtinFormats[code] == nil, !formats.contains(code) {
            formats.append(code)
        }
        styles.append(style)
        styleIndex[style] = styles.count - 1
        return StyleID(styles.count - 1)
    }

    func style(_ id: StyleID) -> Style? { id.index < styles.count ? styles[id.index] : nil }

    func formatID(_ code: String?) -> Int {
        guard let code else { return 0 }
        return StyleTable.builtinFormats[code] ?? 164 + formats.firstIndex(of: code)!
    }
}

/// `xl/styles.xml`.
struct StylesPart {
    var table: StyleTable

    func write(into xml: inout XMLBytes) {
        xml.raw(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n")
        xml.raw(#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#)
        if !table.formats.isEmpty {
            xml.raw(#"<numFmts count=""#); xml.int(table.formats.count); xml.raw(#"">"#)
            for (i, code) in table.formats.enumerated() {
                xml.raw(#"<numFmt numFmtId=""#); xml.int(164 + i)
                xml.raw(#"" formatCode=""#); xml.attribute(code); xml.raw(#""/>"#)
            }
            xml.raw("</numFmts>")
        }
        xml.raw(#"<fonts count=""#); xml.int(table.fonts.count); xml.raw(#"">"#)
        for font in table.fonts { writeFont(font, into: &xml) }
        xml.raw("</fonts>")
        xml.raw(#"<fills count=""#); xml.int(table.fills.count); xml.raw(#"">"#)
        for (i, fill) in table.fills.enumerated() {
            switch fill {
            case nil where i == 0: xml.raw(#"<fill><patternFill patternType="none"/></fill>"#)
            case nil: xml.raw(#"<fill><patternFill patternType="gray125"/></fill>"#)
            case .solid(let argb)?:
                xml.raw(#"<fill><patternFill patternType="solid"><fgColor rgb=""#); xml.attribute(argb)
                xml.raw(#""/><bgColor indexed="64"/></patternFill></fill>"#)
            }
        }
        xml.raw("</fills>")
        xml.raw(#"<borders count=""#); xml.int(table.borders.count); xml.raw(#"">"#)
        for border in table.borders { writeBorder(border, into: &xml) }
        xml.raw("</borders>")
        xml.raw(#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#)
        xml.raw(#"<cellXfs count=""#); xml.int(table.styles.count); xml.raw(#"">"#)
        for style in table.styles { writeXf(style, into: &xml) }
        xml.raw("</cellXfs>")
        xml.raw(#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#)
        xml.raw(#"<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/>"#)
        xml.raw("</styleSheet>")
    }

    private func writeFont(_ font: Style.Font, into xml: inout XMLBytes) {
        // CT_Font children are a sequence: b, i, …, sz, color, name, family.
        xml.raw("<font>")
        if font.bold { xml.raw("<b/>") }
        if font.italic { xml.raw("<i/>") }
        xml.raw(#"<sz val=""#); xml.number(font.size); xml.raw(#""/>"#)
        if let color = font.color { xml.raw(#"<color rgb=""#); xml.attribute(color); xml.raw(#""/>"#) }
        xml.raw(#"<name val=""#); xml.attribute(font.name); xml.raw(#""/>"#)
        xml.raw(#"<family val="2"/></font>"#)
    }

    private func writeBorder(_ border: Style.Border?, into xml: inout XMLBytes) {
        guard let border else { xml.raw("<border><left/><right/><top/><bottom/><diagonal/></border>"); return }
        xml.raw("<border>")
        for side: StaticString in ["left", "right", "top", "bottom"] {
            xml.raw("<"); xml.raw(side); xml.raw(#" style=""#); xml.raw(border.line.rawValue); xml.raw(#"">"#)
            if let color = border.color { xml.raw(#"<color rgb=""#); xml.attribute(color); xml.raw(#""/>"#) }
            else { xml.raw(#"<color auto="1"/>"#) }
            xml.raw("</"); xml.raw(side); xml.raw(">")
        }
        xml.raw("<diagonal/></border>")
    }

    private func writeXf(_ style: Style, into xml: inout XMLBytes) {
        let fontID = style.font.map { table.fonts.firstIndex(of: $0)! } ?? 0
        let fillID = style.fill.map { table.fills.firstIndex(of: $0)! } ?? 0
        let borderID = style.border.map { table.borders.firstIndex(of: $0)! } ?? 0
        xml.raw(#"<xf numFmtId=""#); xml.int(table.formatID(style.numberFormat))
        xml.raw(#"" fontId=""#); xml.int(fontID)
        xml.raw(#"" fillId=""#); xml.int(fillID)
        xml.raw(#"" borderId=""#); xml.int(borderID)
        xml.raw(#"" xfId="0""#)
        if style.numberFormat != nil { xml.raw(#" applyNumberFormat="1""#) }
        if style.font != nil { xml.raw(#" applyFont="1""#) }
        if style.fill != nil { xml.raw(#" applyFill="1""#) }
        if style.border != nil { xml.raw(#" applyBorder="1""#) }
        if style.alignment != nil { xml.raw(#" applyAlignment="1""#) }
        let protection = !style.locked || style.hidden
        if protection { xml.raw(#" applyProtection="1""#) }
        guard style.alignment != nil || protection else { xml.raw("/>"); return }
        xml.raw(">")
        if let a = style.alignment {
            xml.raw("<alignment")
            if let h = a.horizontal { xml.raw(#" horizontal=""#); xml.raw(h.rawValue); xml.raw(#"""#) }
            if let v = a.vertical { xml.raw(#" vertical=""#); xml.raw(v.rawValue); xml.raw(#"""#) }
            if a.wrap { xml.raw(#" wrapText="1""#) }
            if a.indent > 0 { xml.raw(#" indent=""#); xml.int(a.indent); xml.raw(#"""#) }
            xml.raw("/>")
        }
        if protection {
            xml.raw("<protection")
            if !style.locked { xml.raw(#" locked="0""#) }
            if style.hidden { xml.raw(#" hidden="1""#) }
            xml.raw("/>")
        }
        xml.raw("</xf>")
    }
}
