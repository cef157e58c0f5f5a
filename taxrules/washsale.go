package taxrules

import "nftharvest/portfolio"

// wash applies the wash-sale rule to a loss result (stage 2).
func (r *run) wash(res *pendingResult, li int32, segs []segment, id string) {}

// lookAlikes returns same-collection purchases of other tokens (stage 2).
func (e *engine) lookAlikes(li int32, from, to portfolio.Date) []Purchase { return nil }

// washRisk returns the wash-sale risk of selling lot li at a loss on asOf (stage 2).
func (e *engine) washRisk(li int32, asOf portfolio.Date) WashRisk { return WashRisk{} }
