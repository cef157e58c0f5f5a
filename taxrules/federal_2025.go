package taxrules

import "nftharvest/portfolio"

// federal2025 are the 2025 tables: Rev. Proc. 2024-40, with the standard
// deduction as amended for 2025 by Pub. L. 119-21, sec. 70102 (15,750
// single and married separate, 31,500 married joint, 23,625 head of
// household).
//
// Checked here: the standard deductions as amended (IRS announcement of
// Rev. Proc. 2025-32, which restates them). The brackets and capital gain
// tops are as issue 15 gives them from Rev. Proc. 2024-40 and were not
// independently checked here.
var federal2025 = federalYear{
	source: "Rev. Proc. 2024-40",
	byStatus: map[string]bracketTable{
		portfolio.Single: table([6]string{"11925", "48475", "103350", "197300", "250525", "626350"},
			"48350", "533400", "15750"),
		portfolio.MarriedJoint: table([6]string{"23850", "96950", "206700", "394600", "501050", "751600"},
			"96700", "600050", "31500"),
		portfolio.MarriedSeparate: table([6]string{"11925", "48475", "103350", "197300", "250525", "375800"},
			"48350", "300000", "15750"),
		portfolio.HeadOfHousehold: table([6]string{"17000", "64850", "103350", "197300", "250500", "626350"},
			"64750", "566700", "23625"),
	},
}
