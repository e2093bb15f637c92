// The .mmu scenario language (docs/language.md): the single source of its syntax.
//
// Compiled at build time by src/Dsl/Dsl.csproj into obj/ (C#, namespace
// MmuDsl.Dsl.Parsing.Generated). The front end (src/Dsl/Syntax/Parsing) wraps it:
//   - ScenarioLexer lexes the inside of strings (see "Strings" below) and nothing else;
//   - a pre-scan of the token stream enforces the nesting limits before this parser runs (the
//     parser is recursive), and replaces a line it rejects by one SKIPPED token;
//   - an error strategy reports one readable message per bad line and resumes at the next line;
//   - a visitor lowers the parse tree to the immutable syntax tree (MmuDsl.Dsl.Syntax).
//
// Read this when changing a token: the error messages name tokens by their literal text (the
// vocabulary's literal names), and the lowering relies on the labels below.
grammar Mmu;

// STR_TEXT and STR_ESCAPE: the inside of a string, which ScenarioLexer scans (see "Strings" below).
tokens { STR_TEXT, STR_ESCAPE, SKIPPED }

@lexer::members {
    private bool AtLineStart()
    {
        int start = TokenStartCharIndex;
        return start == 0 || ((Antlr4.Runtime.ICharStream)InputStream).GetText(Antlr4.Runtime.Misc.Interval.Of(start - 1, start - 1)) == "\n";
    }
}

@parser::members {
    /// <summary>True when the next token starts right where the previous one ends.</summary>
    private bool Adjacent() => TokenStream.LT(-1).StopIndex + 1 == TokenStream.LT(1).StartIndex;

    /// <summary>
    /// True when the variable ahead starts a page name: a name part or a dot follows it with no
    /// space. Tested at the left edge of the variable alternative of primary, where ANTLR evaluates
    /// it while predicting; deeper in a page name the adjacency test is not seen by prediction,
    /// which would read a variable, the word role and a field read as one page name.
    /// </summary>
    private bool PageNameAhead()
    {
        var next = TokenStream.LT(2);
        return TokenStream.LT(1).StopIndex + 1 == next.StartIndex && next.Type is DOT or ID or VAR or DOLLAR_LBRACE;
    }
}

// ---------------------------------------------------------------------------------------------
// Parser

// One statement per line. A line that cannot be parsed is reported and skipped to its end.
file
    : line* EOF
    ;

line
    : NEWLINE
    | statementLine
    | GOLDEN                                            // stray: no output statement before it
    ;

// A golden block belongs to the statement on the line right before it.
statementLine
    : statementPart NEWLINE GOLDEN?
    ;

statementPart
    : AT_NAME? statement
    | SKIPPED block?                                    // a line the pre-scan rejected
    ;

// `{` ends the line that opens the block (BLOCK_OPEN, line break included); `}` stands on a
// line of its own.
block
    : BLOCK_OPEN line* RBRACE
    ;

statement
    : ROOT pageName LEVEL level=expr (GFN gfn=expr)? roleClause?     # rootStatement
    | PAGE pageName LEVEL level=expr (GFN gfn=expr)? roleClause?     # pageStatement
    | LINK parent=pageName LBRACK index=expr RBRACK ARROW child=pageName viaClause?   # linkStatement
    | MAP pageName LBRACK expr RBRACK LARGE?                         # mapStatement
    | UNLINK pageName LBRACK expr RBRACK                             # unlinkStatement
    | UNSYNC pageName                                                # unsyncStatement
    | SYNC pageName (INTERRUPT_AFTER expr | YIELD_AFTER yield=expr block)?   # syncStatement
    | FAIL_SYNC pageName                                             # failSyncStatement
    | ZAP pageName                                                   # zapStatement
    | ZAP_UNSYNC_CHILDREN pageName                                   # zapUnsyncChildrenStatement
    | SET ID expr                                                    # setStatement
    | ALGORITHMS algorithmRef+                                       # algorithmsStatement
    | LET ID ASSIGN expr                                             # letStatement
    | FOR ID IN from=expr DOTDOT to=expr block                       # forStatement
    | PROC ID LPAREN (ID (COMMA ID)*)? RPAREN block                  # procStatement
    | CALL ID LPAREN (expr (COMMA expr)*)? RPAREN                    # callStatement
    | INCLUDE string                                                 # includeStatement
    | ECHO expr                                                      # echoStatement
    | SHOW pageName?                                                 # showStatement
    | STATS                                                          # statsStatement
    | TRACE statement                                                # traceStatement
    | EXPECT (INVARIANTS | expr)                                     # expectStatement
    ;

// `role N` (a contextual word, not reserved): the rest of sp->role, so that one gfn can have
// several level-1 pages.
roleClause
    : word=ID value=expr
    ;

// `via fetch` (contextual words): the link goes through the page-fault path, which syncs the
// child first; `interrupt-after N` interrupts that sync.
viaClause
    : via=ID path=ID (INTERRUPT_AFTER after=expr)?
    ;

// An algorithm by name, or a plug-in by the path of its C# file.
algorithmRef
    : ID
    | string
    ;

// Precedence as in C, tightest first.
expr
    : primary                                           # primaryExpr
    | op=(NOT | MINUS) expr                             # unaryExpr
    | expr op=(STAR | SLASH | PERCENT) expr             # binaryExpr
    | expr op=(PLUS | MINUS) expr                       # binaryExpr
    | expr op=(LT | LE | GT | GE | IN) expr             # binaryExpr
    | expr op=(EQ | NE) expr                            # binaryExpr
    | expr op=AND expr                                  # binaryExpr
    | expr op=OR expr                                   # binaryExpr
    ;

primary
    : INT                                               # intLiteral
    | (TRUE | FALSE)                                    # boolLiteral
    | string                                            # stringLiteral
    | LBRACE (expr (COMMA expr)*)? RBRACE               # setLiteral
    | LPAREN expr RPAREN                                # parenthesized
    | STAT DOT anyName                                  # statField
    | {!PageNameAhead()}? VAR                           # variable
    | pageName DOT anyName                              # pageField
    ;

// A page name is a run of parts written without spaces between them (`L$i`, `L${$i * 8}`, `$p`):
// `show L $i` is the name L followed by a stray `$i`.
pageName
    : namePart ({Adjacent()}? namePart)*
    ;

namePart
    : ID
    | VAR
    | DOLLAR_LBRACE expr RBRACE
    ;

// In a string, `$name` is a VAR token and `${` a DOLLAR_LBRACE token, as outside.
string
    : QUOTE stringPart* QUOTE
    ;

stringPart
    : STR_TEXT
    | STR_ESCAPE
    | VAR
    | DOLLAR
    | DOLLAR_LBRACE expr RBRACE
    ;

// After a `.`, any identifier names a field, reserved words included.
anyName
    : ID | ROOT | PAGE | LINK | MAP | UNLINK | UNSYNC | SYNC | FAIL_SYNC | ZAP | ZAP_UNSYNC_CHILDREN
    | SET | ALGORITHMS | LET | FOR | PROC | CALL | INCLUDE | ECHO | SHOW | STATS | TRACE | EXPECT
    | LEVEL | GFN | LARGE | INTERRUPT_AFTER | YIELD_AFTER | IN | INVARIANTS | TRUE | FALSE | STAT
    ;

// ---------------------------------------------------------------------------------------------
// Lexer. Where two rules match the same text, the first one listed wins.

// Strings. Between its quotes, a string is lexed by ScenarioLexer, not by these rules (a
// combined grammar has no lexer modes, and lexer predicates would cost the lexer its DFA cache):
//   STR_TEXT   : ~["\\$\n]+   (a `\r` right before the line break excluded)
//   STR_ESCAPE : '\\' ~[\r\n]?  (only `\"`, `\\` and `\$` are valid; the lowering reports the others)
//   VAR `$name`, DOLLAR_LBRACE `${` (the lexer is back to these rules until its `}`), DOLLAR `$`,
//   QUOTE `"` (the end), NEWLINE (an unterminated string: the front end reports it).

// Golden blocks: from a line of exactly `----` to the next such line, raw. An opening line with
// no closing line is GOLDEN_UNTERMINATED (reported by the front end).
GOLDEN              : '----' {AtLineStart()}? '\r'? '\n' (~'\n'* '\n')*? '----' '\r'? ('\n' | EOF) ;
GOLDEN_UNTERMINATED : '----' {AtLineStart()}? '\r'? ('\n' | EOF) ;

ROOT                : 'root' ;
PAGE                : 'page' ;
LINK                : 'link' ;
MAP                 : 'map' ;
UNLINK              : 'unlink' ;
UNSYNC              : 'unsync' ;
SYNC                : 'sync' ;
FAIL_SYNC           : 'fail-sync' ;
ZAP                 : 'zap' ;
ZAP_UNSYNC_CHILDREN : 'zap-unsync-children' ;
SET                 : 'set' ;
ALGORITHMS          : 'algorithms' ;
LET                 : 'let' ;
FOR                 : 'for' ;
PROC                : 'proc' ;
CALL                : 'call' ;
INCLUDE             : 'include' ;
ECHO                : 'echo' ;
SHOW                : 'show' ;
STATS               : 'stats' ;
TRACE               : 'trace' ;
EXPECT              : 'expect' ;
LEVEL               : 'level' ;
GFN                 : 'gfn' ;
LARGE               : 'large' ;
INTERRUPT_AFTER     : 'interrupt-after' ;
YIELD_AFTER         : 'yield-after' ;
IN                  : 'in' ;
INVARIANTS          : 'invariants' ;
TRUE                : 'true' ;
FALSE               : 'false' ;
STAT                : 'stat' ;

ARROW               : '->' ;
DOTDOT              : '..' ;
DOT                 : '.' ;
COMMA               : ',' ;
LPAREN              : '(' ;
RPAREN              : ')' ;
LBRACK              : '[' ;
RBRACK              : ']' ;
DOLLAR_LBRACE       : '${' ;
// A `{` that ends its line (a comment may follow it) opens a block; any other `{` opens a set.
BLOCK_OPEN          : '{' [ \t]* ('#' ~[\r\n]*)? '\r'? '\n' ;
LBRACE              : '{' ;
RBRACE              : '}' ;
EQ                  : '==' ;
NE                  : '!=' ;
LE                  : '<=' ;
GE                  : '>=' ;
LT                  : '<' ;
GT                  : '>' ;
AND                 : '&&' ;
OR                  : '||' ;
NOT                 : '!' ;
ASSIGN              : '=' ;
PLUS                : '+' ;
MINUS               : '-' ;
STAR                : '*' ;
SLASH               : '/' ;
PERCENT             : '%' ;
QUOTE               : '"' ;

// Decimal or hex; letters and digits run on so that `12ab` is one (invalid) literal, which the
// lowering reports together with 64-bit overflow.
INT                 : [0-9] [0-9A-Za-z_]* ;
ID                  : IDENT ;
VAR                 : '$' IDENT ;
AT_NAME             : '@' IDENT ;
DOLLAR              : '$' ;

COMMENT             : '#' ~[\r\n]* -> skip ;
NEWLINE             : '\r'? '\n' ;
WS                  : [ \t\r\f]+ -> skip ;

// Anything else is one token the parser reports as an unexpected character.
ERROR_CHAR          : . ;

fragment IDENT      : [A-Za-z_] [A-Za-z0-9_]* ;
