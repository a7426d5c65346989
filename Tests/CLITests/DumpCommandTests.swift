import Foundation
import Testing
import TestSupport

@Suite struct DumpCommandTests {
    @Test func jsonlIsTheCanonicalFormat() throws {
        let r = try CLI.run(["dump", Fixtures.reader("cell-types.xlsx")])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == #"{"sheet":"Sheet1","cell":"A1","t":"s","v":"共享"}"#)
        #expect(lines.contains(#"{"sheet":"Sheet1","cell":"D1","t":"b","v":true}"#))
        #expect(lines.contains(##"{"sheet":"Sheet1","cell":"E1","t":"e","v":"#DIV/0!"}"##))
        #expect(lines.contains(#"{"sheet":"Sheet1","cell":"F1","t":"n","v":12.5}"#))
        #expect(lines.contains(#"{"sheet":"Sheet1","cell":"G1","t":"d","v":"2024-07-31"}"#))
        #expect(lines.count == 9)
    }

    @Test func csvAndSheetFilter() throws {
        let r = try CLI.run(["dump", Fixtures.reader("sheet-states.xlsx"), "--sheet", "隐藏", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stdout == "sheet,cell,t,v\n隐藏,A1,n,2\n")
        let missing = try CLI.run(["dump", Fixtures.reader("sheet-states.xlsx"), "--sheet", "没有"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("没有名为「没有」的工作表"))
    }

    @Test func unreadableFileExitsTwoWithAChineseMessage() throws {
        let r = try CLI.run(["dump", Fixtures.reader("hostile/zip-bomb.xlsx")])
        #expect(r.status == 2)
        #expect(r.stderr.contains("zip-bomb.xlsx"))
        #expect(r.stderr.contains("file.too_large"))
        #expect(r.stderr.contains("压缩炸弹"))
    }

    @Test func badArgumentsExit64() throws {
        let r = try CLI.run(["dump", Fixtures.reader("cell-types.xlsx"), "--format", "xml"])
        #expect(r.status == 64)
    }
}

@Suite struct InspectCommandTests {
    @Test func reportsEverySheetOfEveryFile() throws {
        let r = try CLI.run(["inspect", "--format", "json", Fixtures.reader("cell-types.xlsx"), Fixtures.reader("sheet-states.xlsx")])
        #expect(r.status == 0)
        let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        #expect(doc.count == 2)
        let first = (doc[0]["sheets"] as! [[String: Any]])[0]
        #expect(first["range"] as? String == "A1:J1")
        let counts = first["cells"] as! [String: Int]
        #expect(counts == ["s": 3, "n": 2, "d": 1, "b": 2, "e": 1])
        #expect(first["sum"] as? Double == 14.5)
        let states = (doc[1]["sheets"] as! [[String: Any]]).map { $0["state"] as! String }
        #expect(states == ["visible", "hidden", "veryHidden", "visible"])
    }

    @Test func goesOnPastAnUnreadableFile() throws {
        let r = try CLI.run(["inspect", Fixtures.reader("hostile/xxe.xlsx"), Fixtures.reader("zip64.xlsx")])
        #expect(r.status == 2)
        #expect(r.stdout.contains("zip64.xlsx"))
        #expect(r.stdout.contains("数值合计 64"))
        #expect(r.stderr.contains("DOCTYPE"))
    }
}
