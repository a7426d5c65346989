import SheetModel
import ZipXML

/// A sheet as the workbook lists it.
public struct SheetInfo: Sendable, Hashable {
    public var name: String
    public var state: SheetState
    public var kind: SheetKind
    /// The resolved part name, nil when the relationship or the part is missing.
    public var part: String?
}

/// `xl/workbook.xml`: the sheet list in workbook order and the date system.
final class WorkbookPartHandler: SAXHandler {
    struct Entry { var name: String; var state: SheetState; var relationshipID: String? }
    var entries: [Entry] = []
    var date1904 = false
    /// The part's root element is `<workbook>`: a .pptx or .docx renamed has another root.
    var sawWorkbookRoot = false
    private var sawRoot = false

    func startElement(_ name: SAXName, _ attributes: SAXAttributes) {
        if !sawRoot {
            sawRoot = true
            sawWorkbookRoot = name.is("workbook")
        }
        if name.is("sheet") {
            let stateText = attributes.string("state") ?? "visible"
            let state: SheetState = stateText == "hidden" ? .hidden : stateText == "veryHidden" ? .veryHidden : .visible
            entries.append(Entry(name: attributes.string("name") ?? "",
                                 state: state,
                                 relationshipID: attributes.value("id", namespaceSuffix: "relationships")))
        } else if name.is("workbookPr") {
            if let v = attributes.string("date1904") { date1904 = v == "1" || v.lowercased() == "true" }
        }
    }

    func endElement(_ name: SAXName) {}
    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}
}
