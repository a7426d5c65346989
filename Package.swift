// swift-tools-version: 6.1
import PackageDescription

// One module per concern; dependencies point inward (see ../shared/STYLE.md).

// The SAX callbacks touch handler state for every element; runtime exclusivity checks on those
// class properties cost more than the parse itself. The hot modules are checked at compile time only.
let hotPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
let package = Package(
    name: "parkstat",
    // Mutex and Atomic (the Synchronization module) need macOS 15.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "parkstat", targets: ["parkstat"]),
        .library(name: "XLSXReader", targets: ["XLSXReader"]),
        .library(name: "XLSXWriter", targets: ["XLSXWriter"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // System libraries, found with pkg-config.
        .systemLibrary(name: "CZip", pkgConfig: "libzip",
                       providers: [.apt(["libzip-dev"]), .brew(["libzip"])]),
        .systemLibrary(name: "CXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),

        // Values, references and errors shared by every layer: no C, no I/O.
        .target(name: "SheetModel"),
        // The only importer of the C libraries: zip entry streams, zip writer, SAX push bridge.
        .target(name: "ZipXML", dependencies: ["CZip", "CXML2", "SheetModel"], swiftSettings: hotPath),
        // Streaming XLSX reader: relationships, shared strings, styles, sheet rows.
        .target(name: "XLSXReader", dependencies: ["ZipXML", "SheetModel"], swiftSettings: hotPath),
        // XLSX writer: one type per OOXML part, one packager.
        .target(name: "XLSXWriter", dependencies: ["ZipXML", "SheetModel"]),
        // The park's schema and rules (DOMAIN.md §2–§6).
        .target(name: "Rules", dependencies: ["SheetModel", "XLSXReader", "ZipXML",
                                              .product(name: "Yams", package: "Yams")],
                resources: [.copy("Resources")]),
        // The SQLite store: files seen, submissions, facts, findings, registry snapshots (GRDB); files are
        // recognised by SHA-256 (swift-crypto: BoringSSL, with the CPU's SHA instructions).
        .target(name: "Store", dependencies: ["Rules", "SheetModel", "ZipXML", .product(name: "GRDB", package: "GRDB.swift"),
                                              .product(name: "GRDBSQLite", package: "GRDB.swift"),
                                              .product(name: "Crypto", package: "swift-crypto")]),
        // The park's indicators for a period (DOMAIN.md §7), computed by SQL over the store.
        .target(name: "Aggregate", dependencies: ["Store", "Rules"]),
        // What people receive: the consolidated workbook, CSV, JSON and HTML.
        .target(name: "Report", dependencies: ["Aggregate", "Rules", "XLSXWriter", "SheetModel"]),
        // The CLI: the only place that prints or exits.
        .executableTarget(name: "parkstat", dependencies: [
            "XLSXReader", "XLSXWriter", "ZipXML", "Rules", "SheetModel", "Store", "Aggregate", "Report",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // libFuzzer target for the reader (`make fuzz`); without -DFUZZING it replays files.
        .executableTarget(name: "ReaderFuzz", dependencies: ["XLSXReader", "ZipXML", "SheetModel"]),

        .target(name: "TestSupport", dependencies: ["SheetModel"], path: "Tests/TestSupport"),
        .testTarget(name: "SheetModelTests", dependencies: ["SheetModel"]),
        .testTarget(name: "XLSXReaderTests", dependencies: ["XLSXReader", "ZipXML", "TestSupport"]),
        .testTarget(name: "XLSXWriterTests", dependencies: ["XLSXWriter", "XLSXReader", "TestSupport"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "TestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Rules", "TestSupport"]),
        .testTarget(name: "AggregateTests", dependencies: ["Aggregate", "Store", "Rules", "TestSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Aggregate", "XLSXReader", "TestSupport"]),
        // The parkstat executable too: the progress bar and the watcher's stability rules are tested as functions.
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "parkstat"]),
    ]
)
