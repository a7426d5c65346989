import Foundation

extension Fixtures {
    /// A workbook made by `fixtures/reader/make_reader_fixtures.py`.
    package static func reader(_ name: String) -> String { path("reader/" + name) }
}
