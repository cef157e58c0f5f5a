package taxrules

import "nftharvest/portfolio"

// federal2026 are the 2026 tables: Rev. Proc. 2025-32 (the inflation
// adjustments for 2026, including the amendments of Pub. L. 119-21).
//
// Checked here against the IRS announcement of Rev. Proc. 2025-32 as
// reported publicly (October 2025): the single and married-joint bracket
// starts (12,400 / 24,800; 50,400 / 100,800; 105,700 / 211,400; 201,775 /
// 403,550; 256,225 / 512,450; 640,600 / 768,700) and the standard
// deductions (16,100 single and married separate, 32,200 married joint,
// 24,150 head of household). The head-of-household and married-separate
// brackets and the capital gain tops are as issue 15 gives them from the
// Rev. Proc. and were not independently checked here.
var federal2026 = federalYear{
	source: "Rev. Proc. 2025-32",
	byStatus: map[string]bracketTable{
		portfolio.Single: table([6]string{"12400", "50400", "105700", "201775", "256225", "640600"},
			"49450", "545500", "16100"),
		portfolio.MarriedJoint: table([6]string{"24800", "100800", "211400", "403550", "512450", "768700"},
			"98900", "613700", "32200"),
		portfolio.MarriedSeparate: table([6]string{"12400", "50400", "105700", "201775", "256225", "384350"},
			"49450", "306850", "16100"),
		portfolio.HeadOfHousehold: table([6]string{"17700", "67450", "105700", "201750", "256200", "640600"},
			"66200", "579600", "24150"),
	},
}
