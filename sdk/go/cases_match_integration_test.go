//go:build integration

package flux_test

// How the runner of ../cases.json fills in ${…} references and compares results, as cases.json's "about" says.

import (
	"encoding/json"
	"fmt"
	"math/big"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var reference = regexp.MustCompile(`\$\{([^}]+)\}`)

func interpolate(t *testing.T, text string, vars map[string]interface{}) string {
	return reference.ReplaceAllStringFunc(text, func(ref string) string {
		path := strings.Split(reference.FindStringSubmatch(ref)[1], ".")
		value := vars[path[0]]
		for _, segment := range path[1:] {
			switch node := value.(type) {
			case map[string]interface{}:
				value = node[segment]
			case []interface{}:
				i, _ := strconv.Atoi(segment)
				if i < len(node) {
					value = node[i]
				} else {
					value = nil
				}
			default:
				value = nil
			}
		}
		if value == nil {
			t.Fatalf("%s refers to nothing", ref)
		}
		return fmt.Sprint(value)
	})
}

// fill interpolates every string of a params, expect or error tree.
func fill(t *testing.T, node interface{}, vars map[string]interface{}) interface{} {
	switch n := node.(type) {
	case string:
		return interpolate(t, n, vars)
	case []interface{}:
		out := make([]interface{}, len(n))
		for i, item := range n {
			out[i] = fill(t, item, vars)
		}
		return out
	case map[string]interface{}:
		out := map[string]interface{}{}
		for key, item := range n {
			out[key] = fill(t, item, vars)
		}
		return out
	}
	return node
}

// withAmounts turns the {"$decimal": …} of params into JSON numbers, which flux.Amount reads digit for digit.
func withAmounts(node interface{}) interface{} {
	switch n := node.(type) {
	case []interface{}:
		for i, item := range n {
			n[i] = withAmounts(item)
		}
	case map[string]interface{}:
		if text, ok := n["$decimal"].(string); ok && len(n) == 1 {
			return json.Number(text)
		}
		for key, item := range n {
			n[key] = withAmounts(item)
		}
	}
	return node
}

// match compares an expected tree with an actual one as cases.json's "about" says; it returns every mismatch.
func match(path string, expected, actual interface{}, present bool) []string {
	fail := func() []string {
		return []string{fmt.Sprintf("%s: expected %v, got %v", path, show(expected), show(actual))}
	}
	switch e := expected.(type) {
	case nil:
		if !present || actual == nil || actual == "" {
			return nil
		}
		return fail()
	case map[string]interface{}:
		if matcher, ok := matcherOf(e); ok {
			if matcher(actual, present) {
				return nil
			}
			return fail()
		}
		a, ok := actual.(map[string]interface{})
		if !ok {
			return fail()
		}
		var problems []string
		for key, item := range e {
			value, has := a[key]
			problems = append(problems, match(path+"."+key, item, value, has)...)
		}
		return problems
	case []interface{}:
		a, ok := actual.([]interface{})
		if !ok || len(a) != len(e) {
			return fail()
		}
		var problems []string
		for i := range e {
			problems = append(problems, match(fmt.Sprintf("%s[%d]", path, i), e[i], a[i], true)...)
		}
		return problems
	case json.Number:
		if a, ok := actual.(json.Number); ok && a.String() == e.String() {
			return nil
		}
		return fail()
	default:
		if reflect.DeepEqual(expected, actual) {
			return nil
		}
		return fail()
	}
}

func matcherOf(e map[string]interface{}) (func(actual interface{}, present bool) bool, bool) {
	if len(e) != 1 {
		return nil, false
	}
	for key, argument := range e {
		text, _ := argument.(string)
		switch key {
		case "$decimal":
			return func(actual interface{}, present bool) bool {
				want, _ := new(big.Rat).SetString(text)
				got, ok := new(big.Rat).SetString(fmt.Sprint(actual))
				_, isNumber := actual.(json.Number)
				return isNumber && ok && got.Cmp(want) == 0
			}, true
		case "$match":
			return func(actual interface{}, present bool) bool {
				s, ok := actual.(string)
				return ok && regexp.MustCompile(text).MatchString(s)
			}, true
		case "$starts_with":
			return func(actual interface{}, present bool) bool {
				s, ok := actual.(string)
				return ok && strings.HasPrefix(s, text)
			}, true
		case "$present":
			return func(actual interface{}, present bool) bool { return present && actual != nil && actual != "" }, true
		case "$absent":
			return func(actual interface{}, present bool) bool { return !present }, true
		}
	}
	return nil, false
}

func show(value interface{}) string {
	text, err := json.Marshal(value)
	if err != nil {
		return fmt.Sprint(value)
	}
	return string(text)
}
