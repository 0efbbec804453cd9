package main

import (
	"fmt"
	"math/rand/v2"
	"time"
)

type role uint8

const (
	roleNoAccess role = iota
	roleView
	roleWrite
	roleAdmin
	roleSuperUser
)

// plan is the shape of the instance: who the users are and which role
// each has. The table writers derive every row from it and from their own
// random stream, so each table is the same whatever order they run in.
type plan struct {
	size size
	seed uint64
	now  time.Time

	logins  []string
	roles   []role
	invited []bool

	// apiUsers indexes the users who own API tokens, in random order.
	// allOwners spreads the tokens over every account instead.
	apiUsers  []int
	allOwners bool
	superUser string
}

// Streams of random numbers, one per table.
const (
	streamUsers uint64 = iota + 1
	streamAccess
	streamSites
	streamTokens
	streamBruteForce
	streamOptions
	streamSettings
	streamOwners
)

func (p *plan) rand(stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(p.seed, stream))
}

var firstNames = []string{"anna", "ben", "chen", "dana", "emil", "fatima", "goran", "hana", "ivan", "julia",
	"kofi", "lena", "marco", "nadia", "omar", "paula", "quinn", "rosa", "sven", "tara"}

var lastNames = []string{"meyer", "smith", "garcia", "rossi", "novak", "kim", "nguyen", "silva", "jensen", "dubois",
	"kowalski", "tanaka", "okafor", "larsen", "moreau", "weber", "costa", "ivanova", "haddad", "berg"}

// newPlan assigns the roles. The mix follows a large agency or enterprise
// instance: a few Super Users, about 2 % admins, 3 % write, 78 % view and the
// rest without any role. About 1 % of the rows are invitations.
//
// A quarter of the other accounts, and 60 % of those with write or higher
// roles, use the API and own tokens, unless allOwners is set.
func newPlan(sz size, seed uint64, now time.Time, allOwners bool) *plan {
	p := &plan{size: sz, seed: seed, now: now, allOwners: allOwners}
	r := p.rand(streamUsers)

	superUsers := max(3, sz.users/10_000)
	p.logins = make([]string, sz.users)
	p.roles = make([]role, sz.users)
	p.invited = make([]bool, sz.users)
	for i := range sz.users {
		p.logins[i] = fmt.Sprintf("%s.%s%d", firstNames[r.IntN(len(firstNames))], lastNames[r.IntN(len(lastNames))], i)
		switch x := r.Float64(); {
		case i < superUsers:
			p.roles[i] = roleSuperUser
		case x < 0.02:
			p.roles[i] = roleAdmin
		case x < 0.05:
			p.roles[i] = roleWrite
		case x < 0.83:
			p.roles[i] = roleView
		default:
			p.roles[i] = roleNoAccess
		}
		p.invited[i] = i >= superUsers && r.Float64() < 0.01
	}
	p.superUser = p.logins[0]

	o := p.rand(streamOwners)
	for i := range sz.users {
		share := 0.25
		if p.roles[i] >= roleWrite {
			share = 0.6
		}
		if !p.invited[i] && o.Float64() < share {
			p.apiUsers = append(p.apiUsers, i)
		}
	}
	o.Shuffle(len(p.apiUsers), func(i, j int) { p.apiUsers[i], p.apiUsers[j] = p.apiUsers[j], p.apiUsers[i] })
	return p
}

// between returns a random time in [from, to).
func between(r *rand.Rand, from, to time.Time) time.Time {
	span := to.Sub(from)
	if span <= 0 {
		return from
	}
	return from.Add(time.Duration(r.Int64N(int64(span/time.Second))) * time.Second)
}

const day = 24 * time.Hour
