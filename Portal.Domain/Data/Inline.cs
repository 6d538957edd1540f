using System.Linq.Expressions;
using System.Reflection;

namespace Portal.Domain.Data;

/// <summary>
/// Lets a query expression written once be used inside others, including precompiled queries
/// (<c>AudienceFilter.Targeted&lt;Article&gt;.Visible.Invoke(db, personId, articles)</c>): <c>Expand</c> replaces each
/// <c>Invoke</c> with the body of the expression it names, so EF Core only ever sees plain LINQ.
/// </summary>
public static class Inline
{
    public static TResult Invoke<T1, TResult>(this Expression<Func<T1, TResult>> expression, T1 argument) =>
        throw new InvalidOperationException("Invoke is only for expressions passed through Inline.Expand.");

    public static TResult Invoke<T1, T2, TResult>(this Expression<Func<T1, T2, TResult>> expression, T1 first, T2 second) =>
        throw new InvalidOperationException("Invoke is only for expressions passed through Inline.Expand.");

    public static TResult Invoke<T1, T2, T3, TResult>(this Expression<Func<T1, T2, T3, TResult>> expression, T1 first, T2 second, T3 third) =>
        throw new InvalidOperationException("Invoke is only for expressions passed through Inline.Expand.");

    public static Expression<Func<T1, TResult>> Expand<T1, TResult>(Expression<Func<T1, TResult>> expression) => Expanded(expression);

    public static Expression<Func<T1, T2, TResult>> Expand<T1, T2, TResult>(Expression<Func<T1, T2, TResult>> expression) => Expanded(expression);

    public static Expression<Func<T1, T2, T3, TResult>> Expand<T1, T2, T3, TResult>(Expression<Func<T1, T2, T3, TResult>> expression) =>
        Expanded(expression);

    public static Expression<Func<T1, T2, T3, T4, TResult>> Expand<T1, T2, T3, T4, TResult>(Expression<Func<T1, T2, T3, T4, TResult>> expression) =>
        Expanded(expression);

    public static Expression<Func<T1, T2, T3, T4, T5, TResult>> Expand<T1, T2, T3, T4, T5, TResult>(
        Expression<Func<T1, T2, T3, T4, T5, TResult>> expression) =>
        Expanded(expression);

    /// <summary>The body of <paramref name="expression"/> with its parameters replaced by <paramref name="arguments"/>, expanded.</summary>
    public static Expression Apply(LambdaExpression expression, params Expression[] arguments) =>
        new Expander().Visit(new Substitution(expression.Parameters, arguments).Visit(expression.Body));

    private static Expression<TDelegate> Expanded<TDelegate>(Expression<TDelegate> expression) =>
        (Expression<TDelegate>)new Expander().Visit(expression);

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(Inline) || node.Method.Name != nameof(Invoke))
            {
                return base.VisitMethodCall(node);
            }

            var lambda = (LambdaExpression)Evaluate(node.Arguments[0]);
            var arguments = node.Arguments.Skip(1).Select(Visit).ToList();
            return Visit(new Substitution(lambda.Parameters, arguments!).Visit(lambda.Body));
        }

        // The named expressions are fields, static or captured; anything else is evaluated once, when expanding.
        private static object Evaluate(Expression expression) => expression switch
        {
            ConstantExpression constant => constant.Value!,
            MemberExpression { Expression: null, Member: FieldInfo field } => field.GetValue(null)!,
            MemberExpression { Expression: ConstantExpression closure, Member: FieldInfo field } => field.GetValue(closure.Value)!,
            _ => Expression.Lambda<Func<object>>(Expression.Convert(expression, typeof(object))).Compile()(),
        };
    }

    private sealed class Substitution(IReadOnlyList<ParameterExpression> parameters, IReadOnlyList<Expression> values) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node)
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                if (parameters[i] == node)
                {
                    return values[i];
                }
            }

            return node;
        }
    }
}
