import SheetModel
import ZipXML

/// `xl/styles.xml`, reduced to what reading needs: which cell formats (`cellXfs`) show dates.
struct Styles {
    /// Per `cellXfs` index: does its number format show a date or time?
    var dateByStyle: [Bool] = []

    /// A style index missing from `cellXfs` uses the default style, as Excel does.
    @inline(__always)
    func isDate(_ style: Int) -> Bool {
        if style >= 0 && style < dateByStyle.count { return dateByStyle[style] }
        return dateByStyle.first ?? false
    }
}

final class StylesHandler: SAXHandler {
    private var customFormats: [Int: String] = [:]
    private var xfFormatIDs: [Int] = []
    private var inCellXfs = false

    func startElement(_ name: SAXName, _ attributes: SAXAttributes) {
        if name.is("numFmt") {
            if let id = attributes.string("numFmtId").flatMap({ Int($0) }), let code = attributes.string("formatCode") {
                customFormats[id] = code
            }
        } else if name.is("cellXfs") {
            inCellXfs = true
        } else if inCellXfs, name.is("xf") {
            xfFormatIDs.append(attributes.string("numFmtId").flatMap { Int($0) } ?? 0)
        }
    }

    func endElement(_ name: SAXName) {
        if name.is("cellXfs") { inCellXfs = false }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}

    /// A custom format with a built-in's id overrides the built-in; unknown ids read as General.
    var styles: Styles {
        var cache: [Int: Bool] = [:]
        return Styles(dateByStyle: xfFormatIDs.map { id in
            if let known = cache[id] { return known }
            let code = customFormats[id] ?? NumberFormat.builtins[id] ?? "General"
            let isDate = NumberFormat.isDate(code)
            cache[id] = isDate
            return isDate
        })
    }
}
