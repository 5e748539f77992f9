using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Quality;

/// <summary>A task with what the solver found for it (its <see cref="SolveResult.Solution"/> feeds <c>--add-solution</c>).</summary>
/// <param name="Task">The task.</param>
/// <param name="Result">The solver's result for it.</param>
public sealed record SolvedTask(CountdownTask Task, SolveResult Result);
