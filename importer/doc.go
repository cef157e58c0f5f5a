// Package importer turns block-explorer CSV exports (Etherscan and the
// explorers sharing its layout) into portfolio records: it reads the four
// kinds of export, groups their rows by transaction, and plans the lots,
// sales and wallet moves an import adds, with the items a person must
// review. It is pure: it reads only from io.Readers, writes nothing, and
// depends on portfolio and decimal alone.
package importer
