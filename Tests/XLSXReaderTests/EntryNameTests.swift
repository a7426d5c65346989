import Testing
@testable import XLSXReader
import ZipXML

/// Entry names and relationship targets as producers really write them; the byte-wise fast paths
/// must agree with the general ones.
@Suite struct EntryNameTests {
    @Test func entryNamesNormalise() {
        #expect(ZipArchive.normalise("/XL\\Worksheets\\Sheet1.XML") == "xl/worksheets/sheet1.xml")
        #expect(ZipArchive.normalise("\\/xl/styles.xml") == "xl/styles.xml")
        #expect(ZipArchive.normalise("xl/workbook.xml") == "xl/workbook.xml")
        #expect(ZipArchive.normalise("XL/Ärger\\Blatt.XML") == "xl/ärger/blatt.xml")  // the Unicode path
        #expect(ZipArchive.normalise("//") == "")
    }

    @Test func targetsResolve() {
        #expect(PackagePart.resolve("worksheets/sheet1.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet1.xml")
        #expect(PackagePart.resolve("/xl/./a/../styles.xml", from: "xl/workbook.xml") == "xl/styles.xml")
        #expect(PackagePart.resolve("..\\media\\image%201.png", from: "xl/drawings/drawing1.xml") == "xl/media/image 1.png")
        #expect(PackagePart.resolve("xl//workbook.xml", from: "") == "xl/workbook.xml")
    }

    @Test func relationshipKindIsTheLastSegment() {
        func kind(_ type: String) -> String { String(Relationship(id: "", type: type, target: "", external: false).kind) }
        #expect(kind("http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet") == "worksheet")
        #expect(kind("http://purl.oclc.org/ooxml/officeDocument/relationships/sharedStrings/") == "sharedStrings")
        #expect(kind("styles") == "styles")
        #expect(kind("") == "")
    }
}
