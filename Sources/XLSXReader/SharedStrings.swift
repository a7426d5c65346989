import SheetModel
import ZipXML

/// The shared-string table. Strings are built once here; cells referring to them share storage.
/// No capacity is reserved from `uniqueCount`: a hostile file could declare billions.
final class SharedStringsHandler: SAXHandler {
    var strings: [String] = []
    private var text = RichText()
    private var inItem = false

    func startElement(_ name: SAXName, _ attributes: SAXAttributes) {
        if name.is("si") {
            inItem = true
            text.reset()
        } else if inItem {
            text.start(name, attributes)
        }
    }

    func endElement(_ name: SAXName) {
        if name.is("si") {
            inItem = false
            strings.append(text.string)
        } else if inItem {
            text.end(name)
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inItem { text.characters(bytes) }
    }
}
