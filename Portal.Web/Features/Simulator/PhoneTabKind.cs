namespace Portal.Web.Features.Simulator;

public enum PhoneTabKind
{
    Messages,
    Todos,
    Dings,
}
