package rowrules

// Counts returns, per rule, how many rows broke it: the validation metrics of one save.
// It is nil when every row passed.
func (r Report) Counts() map[string]int {
	if len(r.Results) == 0 {
		return nil
	}
	out := make(map[string]int, len(r.Results))
	for _, res := range r.Results {
		out[res.Rule] = res.Rows
	}
	return out
}
