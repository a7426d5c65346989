import Testing
@testable import XLSXReader

@Suite struct ByteBufferTests {
    @Test func growsAndRemovesRanges() {
        var b = ByteBuffer(capacity: 16)
        let chunk = Array("0123456789".utf8)
        for _ in 0..<100 { chunk.withUnsafeBufferPointer { b.append($0) } }
        let grown = b.count
        #expect(grown == 1000)
        let head = Array(b.bytes.prefix(12))
        #expect(head == Array("012345678901".utf8))
        b.remove(990..<1000)
        b.remove(0..<5)
        let trimmed = b.count
        #expect(trimmed == 985)
        let moved = Array(b.bytes.prefix(6))
        #expect(moved == Array("567890".utf8))
        let terminated = b.withCString { String(cString: $0) }.utf8.count
        #expect(terminated == 985)
        b.removeAll()
        let empty = b.isEmpty
        #expect(empty)
    }
}
