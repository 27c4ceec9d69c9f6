namespace Committee.Domain;

/// <summary>An event that concerns particular States (sponsors joining, a ballot): their watchers receive it.</summary>
public interface IConcernsDelegations
{
    IEnumerable<string> Delegations { get; }
}
