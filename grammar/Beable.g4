// The Beable language. One grammar, no actions: the AST is built by syntax.AstBuilder.
//
// Newlines end statements. NewlineFilter (a token source in syntax/) drops the NL tokens
// that cannot end a statement: those inside ( ) and [ ], and those after a token that
// cannot end an expression (an operator, a comma, `=`). That keeps the grammar free of
// layout rules while `let s = a +` / `b` still reads as one statement.
grammar Beable;

// ---------------------------------------------------------------- start rules
program   : NL* (statement (sep+ statement)*)? sep* EOF ;
replInput : NL* (statement (sep+ statement)*)? sep* EOF ;   // one REPL entry (may span lines)

sep : NL | ';' ;

block : '{' NL* (statement (sep+ statement)*)? sep* '}' ;

// ---------------------------------------------------------------- statements
statement
    : 'let' name=ident '=' value=expr                                    # Let
    | 'state' name=ident '=' value=expr                                  # StateDecl
    | target=ident '=' value=expr                                        # Assign
    | 'print' (expr (',' expr)*)?                                      # Print
    | 'assert' lhs=expr approx rhs=expr 'within' tol=expr             # AssertApprox
    | 'assert' cond=expr                                              # Assert
    | 'for' var=ident 'in' items=expr body=block                      # For
    | 'while' cond=expr body=block                                    # While
    | 'sweep' sweepAxis (',' sweepAxis)* body=block                   # Sweep
    | ifStatement                                                     # If
    | 'fn' name=ident '(' params? ')' (body=block | '=' value=expr)      # FunctionDecl
    | 'return' value=expr?                                            # Return
    | 'use' (module=ident | path=STRING)                                 # Use
    | 'seed' value=expr                                               # Seed
    | 'system' ident (',' ident)* ':' systemType                            # SystemDecl
    | 'detector' name=ident 'on' system=ident '=' measurement=expr
          ('outcomes' outcomes=expr)? ('noclick' noclick=expr)?      # DetectorDecl
    | 'experiment' name=ident '{' NL* (experimentClause (sep+ experimentClause)*)? sep* '}'  # ExperimentDecl
    | 'model' name=ident '=' value=expr                                  # ModelDecl
    | 'model' name=ident '{' NL* (modelClause (sep+ modelClause)*)? sep* '}'    # ModelBlock
    | 'row' ('into' table=ident)? column (',' column)*                  # TableRow
    | 'plot' ys+=ident (',' ys+=ident)* 'vs' x=ident ('from' table=ident)?
          ('to' path=expr)? ('title' title=expr)?                      # Plot
    | 'export' value=expr 'to' path=expr                               # Export
    | expr                                                            # ExprStatement
    ;

ifStatement : 'if' cond=expr then=block ('else' (elseIf=ifStatement | otherwise=block))? ;

approx : '≈' | '~=' ;

// `sweep a in xs, b in ys { … }` is the product of the axes; `sweep a, b in zip(xs, ys)` names the parts of each item.
sweepAxis : names+=ident (',' names+=ident)* 'in' items=expr ;

params : ident (',' ident)* ;

beable : ident | 'state' ;     // `state` is a keyword elsewhere but a beable name here

column : name=ident '=' value=expr ;

systemType
    : 'qubit'                      # Qubit
    | 'qudit' '(' dim=expr ')'     # Qudit
    ;

experimentClause
    : 'prepare' state=expr                                        # Prepare
    | 'evolve' hamiltonian=expr 'for' time=expr                   # Evolve
    | 'measure' ident (',' ident)*                                      # Measure
    | 'settings' settingDecl (',' settingDecl)*                   # Settings
    | 'choose' choice                                             # Choose
    | 'trials' count=expr                                         # Trials
    | 'systems' ident (',' ident)*                                # Systems   // the experiment acts on these declared systems only
    ;

// An ontological model written in the script: its hidden variables and a rule per detector.
modelClause
    : 'hidden' name=ident '~' distribution=expr ('given' given+=ident (',' given+=ident)*)?   # HiddenClause
    | 'outcome' detector=ident '=' value=expr                                                 # OutcomeValue
    | 'outcome' detector=ident '~' distribution=expr                                          # OutcomeDrawn
    ;

settingDecl : name=ident 'in' (values=setLiteral | expr) ;

setLiteral : '{' NL* (setItem (',' NL* setItem)*)? NL* '}' ;
setItem    : 'none' | expr ;

choice
    : 'all'                # ChooseAll
    | 'random'             # ChooseRandom
    | 'by' chooser=expr    # ChooseBy
    ;

// ---------------------------------------------------------------- expressions
expr
    : 'if' cond=expr 'then' then=expr 'else' otherwise=expr             # Conditional
    | 'fn' '(' params? ')' ('=>' body=expr | block)                     # Lambda
    | param=ident '=>' body=expr                                                  # ShortLambda
    | 'run' experiment=expr ('under' model=expr)?                        # Run
    | 'predict' experiment=expr ('under' model=expr)?                    # Predict
    | 'locality' experiment=expr 'under' model=expr
          ('given' beables+=beable (',' beables+=beable)*)? ('samples' samples=expr)?   # Locality
    | 'load' path=expr ('for' experiment=expr)?                          # Load
    | range                                                              # Plain
    ;

range   : from=orExpr ('..' to=orExpr ('step' step=orExpr)?)? ;   // inclusive: 0 .. 1 step 0.25 has 5 values

orExpr  : andExpr (('or' | '||') andExpr)* ;
andExpr : notExpr (('and' | '&&') notExpr)* ;
notExpr : ('not' | '!') notExpr | comparison ;
comparison : lhs=additive (op=('==' | '!=' | '<' | '<=' | '>' | '>=') rhs=additive)? ;
additive : multiplicative (op+=('+' | '-') multiplicative)* ;
multiplicative : unary (op+=('*' | '/' | '%' | '⊗') unary)* ;
unary : op=('-' | '+') unary | power ;
power : base=postfix ('^' exponent=unary)? ;

postfix
    : primary                                        # Atom
    | postfix '(' arguments? ')'                     # Call
    | postfix '[' index=expr ']'                     # Index
    | postfix '.' ident                                 # Field
    | postfix DAGGER                                 # Adjoint
    ;

// `|` marks the named arguments after it as given: hidden_prob(e, m, A = +1 | B = -1, …) is P(A = +1 | B = −1, …).
arguments : argument ((',' | '|') argument)* ;
argument  : (name=ident '=')? value=expr ;

primary
    : NUMBER              # Number
    | IMAGINARY           # ImaginaryNumber
    | STRING              # String
    | KET                 # Ket
    | BRA                 # Bra
    | ('true' | 'false')  # Boolean
    | 'none'              # NoneValue
    | ident               # Variable
    | '(' expr ')'        # Parens
    // One alternative for lists and matrices (a matrix has a `;`): two alternatives with the same
    // start made the parser look ahead to the end of every list, and misplace its errors.
    | '[' (rows+=row (semicolons+=';' rows+=row)* semicolons+=';'?)? ','? ']'   # ListOrMatrix
    ;

row : expr (',' expr)* ;

// Words that are keywords only where a clause expects them; elsewhere they are names
// (so `step`, `random` or `all` stay usable as variables).
ident : ID | 'on' | 'outcomes' | 'step' | 'all' | 'random' | 'by' | 'under' | 'within'
      | 'then' | 'trials' | 'settings' | 'choose' | 'measure' | 'evolve' | 'prepare'
      | 'qubit' | 'qudit' | 'into' | 'vs' | 'from' | 'to' | 'title' | 'row' | 'plot' | 'export'
      | 'given' | 'samples' | 'locality' | 'hidden' | 'outcome' | 'noclick' | 'systems' | 'sweep' ;

// ---------------------------------------------------------------- tokens
// A ket or bra label: computational levels (|01>, |0,2>) or |+>, |->.
KET : '|' KetLabel '>' ;
BRA : '<' KetLabel '|' ;
fragment KetLabel : [0-9]+ (',' [0-9]+)* | [+-] ;

DAGGER    : '†' | '\'' ;
IMAGINARY : Decimal 'i' ;
NUMBER    : Decimal ;
fragment Decimal : [0-9]+ ('.' [0-9]+)? Exponent? | '.' [0-9]+ Exponent? ;
fragment Exponent : [eE] [+-]? [0-9]+ ;

STRING : '"' (~["\\\r\n] | '\\' .)* '"' ;
ID     : [a-zA-Z_α-ωΑ-Ω] [a-zA-Z_0-9α-ωΑ-Ω]* ;

NL : '\r'? '\n' ;
COMMENT : '#' ~[\r\n]* -> channel(HIDDEN) ;
WS : [ \t]+ -> channel(HIDDEN) ;
LINE_JOIN : '\\' '\r'? '\n' -> channel(HIDDEN) ;

// A string the line ends inside: a token of its own, so the error can say the string is not closed.
UNCLOSED_STRING : '"' (~["\\\r\n] | '\\' .)* ;

ERROR_CHAR : . ;
