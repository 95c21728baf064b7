module github.com/tipoff-nba/tipoff/bench

go 1.26.0

require (
	github.com/tipoff-nba/tipoff/events v0.0.0
	github.com/tipoff-nba/tipoff/services v0.0.0
)

replace (
	github.com/tipoff-nba/tipoff/events => ../events
	github.com/tipoff-nba/tipoff/services => ../services
)
