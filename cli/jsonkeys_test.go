package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// jwMemberMethods are the methods of the JSON writer whose first argument
// is a member name, written by key without escaping.
var jwMemberMethods = map[string]bool{
	"key": true, "str": true, "optStr": true, "money": true, "qty": true, "date": true,
	"null": true, "integer": true, "fixedMoney": true, "fixedQty": true, "boolean": true, "purchases": true, "sales": true,
}

var plainMemberName = regexp.MustCompile(`^[a-z0-9_]+$`)

// memberNameProblems lists the calls in src that give the JSON writer (w,
// or cw for a chunk rendered on another goroutine)
// a member name that is not a plain constant. Inside the writer's own
// methods a parameter may be passed on (the forwarding helpers).
func memberNameProblems(fset *token.FileSet, f *ast.File) []string {
	var problems []string
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Body == nil {
			continue
		}
		isJWMethod := fn.Recv != nil && len(fn.Recv.List) == 1 &&
			strings.Contains(types(fn.Recv.List[0].Type), "jw")
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || !jwMemberMethods[sel.Sel.Name] {
				return true
			}
			if recv, ok := sel.X.(*ast.Ident); !ok || (recv.Name != "w" && recv.Name != "cw") {
				return true
			}
			switch arg := call.Args[0].(type) {
			case *ast.BasicLit:
				if v, err := strconv.Unquote(arg.Value); err == nil && plainMemberName.MatchString(v) {
					return true
				}
			case *ast.Ident:
				if isJWMethod && arg.Name == "k" {
					return true
				}
			}
			problems = append(problems, fset.Position(call.Pos()).String()+": w."+sel.Sel.Name+" without a constant member name")
			return true
		})
	}
	return problems
}

// types renders a receiver type expression such as *jw.
func types(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.StarExpr:
		return "*" + types(t.X)
	case *ast.Ident:
		return t.Name
	}
	return ""
}

// TestJSONMemberNamesAreConstants guards jw.key, which writes member names
// unescaped: every call in the package passes a constant of plain letters,
// digits and underscores.
func TestJSONMemberNamesAreConstants(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	jsonFiles := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range memberNameProblems(fset, f) {
			t.Error(p)
		}
		if strings.Contains(name, "json") {
			jsonFiles++
		}
	}
	if jsonFiles == 0 {
		t.Fatal("no JSON writer source found")
	}
	// The check itself: a computed name and a name needing escapes are found.
	bad := `package cli
func f(w *jw, name string) { w.str(name, "x"); w.money("a\"b", d); w.key("ok_1") }
func (w *jw) g(k string) { w.key(k) }`
	f, err := parser.ParseFile(fset, "bad.go", bad, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := memberNameProblems(fset, f); len(got) != 2 {
		t.Errorf("check of a bad source found %d problems, want 2: %q", len(got), got)
	}
}
