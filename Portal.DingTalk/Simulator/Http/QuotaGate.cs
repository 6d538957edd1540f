using Microsoft.AspNetCore.Http;

namespace Portal.DingTalk.Simulator.Http;

/// <summary>
/// Wraps the handler of an API that counts toward the organisation's monthly quota (reference §1:
/// everything but tokens, tickets, sign-in and contacts). Past the quota DingTalk refuses with
/// 90020 / <c>ApiCountLimitForOrg</c>; a refused call does not count.
/// </summary>
internal static class QuotaGate
{
    public static Func<OapiCall, OapiReply> Counted(Func<OapiCall, OapiReply> handler) => call =>
        call.Simulator.Quota.TryCharge(call.Simulator.Faults.Current.MonthlyCallQuota)
            ? handler(call)
            : OapiReply.Error(90020, "企业接口调用次数已达本月上限");

    public static Func<ApiCall, ApiReply> Counted(Func<ApiCall, ApiReply> handler) => call =>
        call.Simulator.Quota.TryCharge(call.Simulator.Faults.Current.MonthlyCallQuota)
            ? handler(call)
            : ApiReply.Error(StatusCodes.Status403Forbidden, "Forbidden.AccessDenied.ApiCountLimitForOrg", "企业接口调用次数已达本月上限");
}
