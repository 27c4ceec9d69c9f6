namespace Committee.Infrastructure;

/// <summary>Marks the application's events, so that the store knows each type before it reads one.</summary>
public interface ICommitteeEvent;
